namespace Reporting.Pdf.Tests;

/// <summary>PDFsharp's licence and fonts are process-wide: a second, different set-up fails instead of being ignored.</summary>
public sealed class PdfSetupTests
{
    [Fact]
    public void EnsureConfigured_SameSettingsAgain_IsANoOp()
    {
        PdfSetup.EnsureConfigured(new PdfOptions());

        PdfSetup.EnsureConfigured(new PdfOptions { LicenseKey = " ", FontFolder = "" }); // empty is unset, as in configuration
    }

    [Fact]
    public void EnsureConfigured_AnotherFontFolder_FailsLoudly_WithoutTheKey()
    {
        PdfSetup.EnsureConfigured(new PdfOptions());

        var error = Assert.Throws<InvalidOperationException>(() => PdfSetup.EnsureConfigured(new PdfOptions { FontFolder = "/elsewhere/fonts" }));

        Assert.Contains("already set up in this process with the AGPL licence and fonts from the system's font folders", error.Message, StringComparison.Ordinal);
        Assert.Contains("fonts from /elsewhere/fonts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureConfigured_ALicenceKeyAfterTheAgpl_FailsLoudly_WithoutTheKey()
    {
        PdfSetup.EnsureConfigured(new PdfOptions());

        var error = Assert.Throws<InvalidOperationException>(() => PdfSetup.EnsureConfigured(new PdfOptions { LicenseKey = "secret-key-123" }));

        Assert.Contains("a commercial licence key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key-123", error.Message, StringComparison.Ordinal);
    }
}
