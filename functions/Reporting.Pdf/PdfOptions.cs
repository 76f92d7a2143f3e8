namespace Reporting.Pdf;

/// <summary>Settings for rendering (configuration section <c>Pdf</c>).</summary>
public sealed class PdfOptions
{
    /// <summary>A PDFsharp commercial licence key; when empty the AGPL-3.0 licence is used.</summary>
    public string? LicenseKey { get; set; }

    /// <summary>A folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf, when they are not in the system's font folders.</summary>
    public string? FontFolder { get; set; }
}
