using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Testing;

namespace Reporting.Pdf.Tests;

/// <summary>The PDFs are tagged for screen readers (docs/accessibility.md says what is checked and how).</summary>
public sealed partial class AccessibilityTests
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
    public void LeadershipPack_EveryTableRowHoldsAllItsCells()
    {
        // Read from the file's structure elements: a row that lost a cell (or a table a row) while the document was
        // built shows here, whatever a viewer would make of it.
        var elements = StructureElements(Encoding.Latin1.GetString(SamplePack()));
        var tables = elements.Values.Where(e => e.Type == "Table").ToList();

        Assert.True(tables.Count >= 12, $"expected the summary's tables and a KPI table per department, found {tables.Count}");
        foreach (var table in tables)
        {
            var rows = table.Kids.Select(k => elements[k]).ToList();
            Assert.All(rows, row => Assert.Equal("TR", row.Type));
            var header = rows[0].Kids.Select(k => elements[k].Type).ToList();
            Assert.All(header, type => Assert.Equal("TH", type));
            Assert.True(rows.Count > 1, "a table with a header row and no data rows");
            foreach (var row in rows.Skip(1))
            {
                // Data cells, and on some tables a row header first (a department's name in the month grid).
                var cells = row.Kids.Select(k => elements[k].Type).ToList();
                Assert.Equal(header.Count, cells.Count);
                Assert.All(cells.Skip(1), type => Assert.Equal("TD", type));
                Assert.Contains(cells[0], new[] { "TD", "TH" });
            }
        }
    }

    [Fact]
    public void DepartmentPdf_IsTaggedToo()
    {
        var scorecard = SampleOrganisation.Scorecard(new Period(2026, 10));

        Assert.Equal("yes", PdfInfo.Read(Renderer.RenderDepartment(scorecard, scorecard.Departments[1]))["Tagged"]);
    }

    private sealed record StructureElement(string Type, IReadOnlyList<int> Kids);

    // Structure elements by object number, with the object numbers of their element kids (a lone kid stands without brackets).
    private static Dictionary<int, StructureElement> StructureElements(string pdf) =>
        StructElem().Matches(pdf).ToDictionary(
            m => int.Parse(m.Groups["number"].Value),
            m => new StructureElement(
                m.Groups["type"].Value,
                m.Groups["kids"].Success ? Reference().Matches(m.Groups["kids"].Value).Select(r => int.Parse(r.Groups[1].Value)).ToList() : []));

    [GeneratedRegex(@"(?<number>\d+) 0 obj\s*<</Type/StructElem/P \d+ 0 R/S/(?<type>\w+)(?:/K(?<kids>\[[^\]]*\]| ?\d+ 0 R))?")]
    private static partial Regex StructElem();

    [GeneratedRegex(@"(\d+) 0 R")]
    private static partial Regex Reference();
}
