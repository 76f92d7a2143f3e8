using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Submissions;

namespace Reporting.Core.Tests;

/// <summary>The month's template: every KPI a department submits, with guidance, and accepted as it is once filled in.</summary>
public sealed class SubmissionTemplateTests
{
    private static readonly Period October = new(2026, 10);
    private static readonly SubmissionRules November2026 = new() { CurrentPeriod = new Period(2026, 11) };

    private static readonly Dictionary<string, double> Figures = new()
    {
        ["reach"] = 1200, ["churn-rate"] = 2.5, ["yield"] = 81.5, ["own-mentions"] = 900, ["competitor-mentions"] = 2100, ["launch"] = 1,
    };

    private static MonthTemplate Template() => SubmissionTemplate.For(TestStrategy.Sales, October, new FigureBook(
    [
        new KpiFigure("sales", new Period(2026, 9), "reach", 950, null),
        new KpiFigure("sales", new Period(2026, 9), "yield", 79.256, null),
        new KpiFigure("sales", new Period(2026, 8), "churn-rate", 3, null), // two months back: not last month's value
    ]));

    [Fact]
    public void For_ListsSubmittedKpisWithUnitTargetAndLastMonth_AndLeavesDerivedOnesOut()
    {
        var rows = Template().Rows;

        Assert.Equal(
        [
            ("reach", "New customers reached", "count", "1000", (double?)950),
            ("churn-rate", "Customer churn", "percent", "2", null),
            ("yield", "Average order value", "EUR", "80", 79.256),
            ("own-mentions", "own-mentions", "count", "", null),
            ("competitor-mentions", "competitor-mentions", "count", "", null),
            ("launch", "Product launched", "milestone", "1 by 2026-09", null),
        ], rows.Select(r => (r.KpiId, r.Name, r.Unit, r.TargetText, r.LastMonth)));
    }

    [Fact]
    public void Csv_FilledIn_IsAcceptedAsItIs()
    {
        var csv = Encoding.UTF8.GetString(SubmissionTemplateFiles.Csv(Template()));
        Assert.StartsWith("\uFEFF\"period\",\"kpi\",\"name\",\"unit\",\"target\",\"last month\",\"value\",\"comment\"\r\n\"2026-10\",\"reach\",\"New customers reached\",\"count\",\"1000\",\"950\",\"\",\"\"\r\n", csv);

        // Fill the value column as an owner would: the seventh field of every row after the header.
        var filled = string.Join("\r\n", csv.Split("\r\n").Select(line =>
        {
            var kpi = line.Split(',').ElementAtOrDefault(1)?.Trim('"');
            return kpi is not null && Figures.TryGetValue(kpi, out var value)
                ? line[..line.LastIndexOf(",\"\",\"\"", StringComparison.Ordinal)] + $",\"{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}\",\"\""
                : line;
        }));

        var result = new SubmissionReader(November2026).Read(new MemoryStream(Encoding.UTF8.GetBytes(filled)), TestStrategy.Sales, "2026-10.csv");

        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        Assert.Equal(Figures.OrderBy(f => f.Key), result.Figures.ToDictionary(f => f.KpiId, f => f.Value).OrderBy(f => f.Key));
    }

    [Fact]
    public void Xlsx_FilledInWithTheOpenXmlSdk_IsAcceptedAsItIs()
    {
        using var workbook = new MemoryStream();
        workbook.Write(SubmissionTemplateFiles.Xlsx(Template()));
        using (var document = SpreadsheetDocument.Open(workbook, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            foreach (var row in sheet.Descendants<Row>().Skip(1))
            {
                var kpi = row.Elements<Cell>().ElementAt(1).InnerText;
                var value = row.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith('G'));
                value.CellValue = new CellValue(Figures[kpi]);
                value.DataType = CellValues.Number;
            }

            sheet.Save();
        }

        var result = new SubmissionReader(November2026).Read(new MemoryStream(workbook.ToArray()), TestStrategy.Sales, "2026-10.xlsx");

        Assert.True(result.IsAccepted, string.Join("; ", result.Problems));
        Assert.Equal(Figures.OrderBy(f => f.Key), result.Figures.ToDictionary(f => f.KpiId, f => f.Value).OrderBy(f => f.Key));
    }

    [Fact]
    public void Xlsx_LeftEmpty_IsRefusedWithEveryEmptyValueCellNamed()
    {
        var result = new SubmissionReader(November2026).Read(new MemoryStream(SubmissionTemplateFiles.Xlsx(Template())), TestStrategy.Sales, "2026-10.xlsx");

        Assert.Equal(["G2", "G3", "G4", "G5", "G6", "G7"], result.Problems.Select(p => p.Cell));
        Assert.Equal("cell G2 (value): the value is empty; write the figure, for example 42 or 17.5", result.Problems[0].ToString());
    }

    [Fact]
    public void Xlsx_IsAValidWorkbook_ByteForByteTheSameEachTime_WithTheMonthAsItsTimestamps()
    {
        var first = SubmissionTemplateFiles.Xlsx(Template());
        var second = SubmissionTemplateFiles.Xlsx(Template());

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2026, 10, 1), e.LastWriteTime.DateTime));
        using var document = SpreadsheetDocument.Open(new MemoryStream(first), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}"));
        Assert.Equal("sales", document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
    }
}
