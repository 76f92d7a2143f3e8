using System.Text;
using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Testing;

namespace Reporting.Pdf.Tests;

/// <summary>The PDFs are tagged for screen readers (docs/accessibility.md says what is checked and how).</summary>
public sealed class AccessibilityTests
{
    private static readonly ScorecardPdfRenderer Renderer = new(Options.Create(new PdfOptions()));

    private static byte[] SamplePack()
    {
        var pdf = Renderer.RenderLeadershipPack(SampleOrganisation.Scorecard(new Period(2026, 10)));
        if (Environment.GetEnvironmentVariable("REPORTING_PDF_OUT") is { Length: > 0 } folder)
        {
            File.WriteAllBytes(Path.Combine(folder, "leadership-pack-2026-10.pdf"), pdf);
        }

        return pdf;
    }

    [Fact]
    public void LeadershipPack_IsTaggedWithTitleAndLanguage()
    {
        var pdf = SamplePack();

        var info = PdfInfo.Read(pdf);
        var raw = Encoding.Latin1.GetString(pdf);

        Assert.Equal("yes", info["Tagged"]);
        Assert.Equal("Northwind Traders digital engagement scorecard, October 2026", info["Title"]);
        Assert.Contains("/DisplayDocTitle true", raw);
        Assert.Contains("/Lang(en-GB)", raw.Replace(" ", ""));
    }

    [Fact]
    public void LeadershipPack_HasHeadingsTablesHeaderCellsAndAltTextForEveryChart()
    {
        var raw = Encoding.Latin1.GetString(SamplePack());

        foreach (var tag in new[] { "/S/H1", "/S/H2", "/S/Table", "/S/TR", "/S/TH", "/S/TD", "/S/P", "/S/Figure" })
        {
            Assert.Contains(tag, raw.Replace(" ", ""));
        }

        var figures = raw.Split("/S /Figure").Length - 1 + raw.Split("/S/Figure").Length - 1;
        var alts = raw.Split("/Alt").Length - 1;
        Assert.True(figures > 30, $"expected a figure per chart and sparkline, found {figures}");
        Assert.Equal(figures, alts);
    }

    [Fact]
    public void DepartmentPdf_IsTaggedToo()
    {
        var scorecard = SampleOrganisation.Scorecard(new Period(2026, 10));

        Assert.Equal("yes", PdfInfo.Read(Renderer.RenderDepartment(scorecard, scorecard.Departments[1]))["Tagged"]);
    }
}
