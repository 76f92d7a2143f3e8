using PdfSharp;
using PdfSharp.Fonts;
using Reporting.Pdf.Fonts;

namespace Reporting.Pdf;

/// <summary>
/// Process-wide PDFsharp set-up, done once before the first render: the licence and the font resolver. PDFsharp keeps
/// both in static state of its own, so a process can only ever render with one of each: the first configuration is
/// applied, the same one again is a no-op, and a different one fails loudly rather than being silently ignored.
/// PDFsharp 6.5 is AGPL-3.0 or commercial: without a configured key we declare the AGPL licence.
/// </summary>
public static class PdfSetup
{
    private static readonly Lock Gate = new();
    private static (string? LicenseKey, string? FontFolder)? _applied;

    /// <exception cref="InvalidOperationException">This process was already set up with a different licence key or font folder.</exception>
    public static void EnsureConfigured(PdfOptions options)
    {
        var wanted = (Normalised(options.LicenseKey), Normalised(options.FontFolder));
        lock (Gate)
        {
            if (_applied is { } applied)
            {
                if (applied != wanted)
                {
                    throw new InvalidOperationException(
                        $"PDFsharp is already set up in this process with {Describe(applied)}; it cannot be set up again with {Describe(wanted)}. " +
                        "PDFsharp's licence and fonts are process-wide: give every renderer in a process the same Pdf settings.");
                }

                return;
            }

            if (wanted.Item1 is null)
            {
                PdfSharpLicense.SetAgplLicense();
            }
            else
            {
                PdfSharpLicense.LoadLicense(wanted.Item1);
            }

            GlobalFontSettings.FontResolver = new FontFolderResolver(options.FontFolder);
            _applied = wanted;
        }
    }

    private static string? Normalised(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Never the key itself: it is a secret, and this message reaches logs.
    private static string Describe((string? LicenseKey, string? FontFolder) setup) =>
        $"{(setup.LicenseKey is null ? "the AGPL licence" : "a commercial licence key")} and fonts from {setup.FontFolder ?? "the system's font folders"}";
}
