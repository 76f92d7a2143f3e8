using PdfSharp;
using PdfSharp.Fonts;
using Reporting.Pdf.Fonts;

namespace Reporting.Pdf;

/// <summary>
/// Process-wide PDFsharp set-up, done once before the first render: the licence and the font resolver.
/// PDFsharp 6.5 is AGPL-3.0 or commercial: without a configured key we declare the AGPL licence.
/// </summary>
public static class PdfSetup
{
    private static readonly Lock Gate = new();
    private static bool _done;

    public static void EnsureConfigured(PdfOptions options)
    {
        lock (Gate)
        {
            if (_done)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(options.LicenseKey))
            {
                PdfSharpLicense.SetAgplLicense();
            }
            else
            {
                PdfSharpLicense.LoadLicense(options.LicenseKey);
            }

            GlobalFontSettings.FontResolver = new FontFolderResolver(options.FontFolder);
            _done = true;
        }
    }
}
