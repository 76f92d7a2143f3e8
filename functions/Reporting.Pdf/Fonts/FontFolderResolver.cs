using PdfSharp.Fonts;

namespace Reporting.Pdf.Fonts;

/// <summary>
/// Serves DejaVu Sans (regular and bold) from a configured folder or the usual system folders.
/// DejaVu covers Latin with accents, Greek and Cyrillic, and PDFsharp embeds the subset it uses.
/// </summary>
public sealed class FontFolderResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans.ttf";
    private const string Bold = "DejaVuSans-Bold.ttf";

    private static readonly string[] SystemFolders =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/share/fonts/TTF",
        "/usr/local/share/fonts",
        "/Library/Fonts",
        @"C:\Windows\Fonts",
    ];

    private readonly string _folder;

    public FontFolderResolver(string? configuredFolder)
    {
        var candidates = string.IsNullOrWhiteSpace(configuredFolder) ? SystemFolders : [configuredFolder, .. SystemFolders];
        _folder = candidates.FirstOrDefault(f => File.Exists(Path.Combine(f, Regular)) && File.Exists(Path.Combine(f, Bold)))
            ?? throw new InvalidOperationException(
                $"The fonts {Regular} and {Bold} were not found in {string.Join(", ", candidates)}. " +
                "Install them (Debian/Ubuntu: apt-get install fonts-dejavu-core) or set Pdf:FontFolder to a folder that holds them.");
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName) => File.ReadAllBytes(Path.Combine(_folder, faceName));
}
