using System.Text;

namespace Reporting.Testing.Hostile;

/// <summary>
/// The ways spreadsheets write CSV, as the reader accepts them: every hostile shape is generated in each, since each
/// takes another path through the reader (detection, transcoding, decimal mark).
/// </summary>
/// <param name="Letter">The filler the shapes write their text with: 'é' in the Windows-1252 dialect, so its bytes are not UTF-8.</param>
public sealed record CsvDialect(string Name, char Delimiter, Func<string, byte[]> Encode, int BytesPerChar, char Letter = 'x')
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static readonly CsvDialect CommaUtf8 = new("comma, UTF-8", ',', Encoding.UTF8.GetBytes, 1);

    public static readonly CsvDialect CommaUtf8Bom = new("comma, UTF-8 with BOM", ',', text => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], 1);

    public static readonly CsvDialect SemicolonWindows1252 = new("semicolon, Windows-1252", ';', Windows1252.GetBytes, 1, 'é');

    public static readonly CsvDialect TabUtf16 = new("tab, UTF-16", '\t', text => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], 2);

    public static IReadOnlyList<CsvDialect> All { get; } = [CommaUtf8, CommaUtf8Bom, SemicolonWindows1252, TabUtf16];
}
