using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Submissions;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>Files as Excel saves them, uploaded through the real host and blob trigger on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SpreadsheetUploadTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, double> October = new()
    {
        ["purchase-frequency"] = 1.7, ["new-customers"] = 1090, ["average-order-value"] = 84.5, ["social-referral-revenue"] = 161000,
    };

    // The month's template as 'reporting template' writes it, filled in with the Open XML SDK as Excel would save it.
    private static byte[] FilledTemplate()
    {
        var sales = SampleOrganisation.Strategy().FindDepartment("sales")!;
        using var workbook = new MemoryStream();
        workbook.Write(SubmissionTemplateFiles.Xlsx(SubmissionTemplate.For(sales, new Period(2026, 10), new FigureBook([]))));
        using (var document = SpreadsheetDocument.Open(workbook, true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            foreach (var row in sheet.Descendants<Row>().Skip(1))
            {
                var value = row.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith('G'));
                value.CellValue = new CellValue(October[row.Elements<Cell>().ElementAt(1).InnerText]);
                value.DataType = CellValues.Number;
            }
        }

        return workbook.ToArray();
    }

    [Fact]
    public async Task Upload_FilledInXlsxTemplate_IsAcceptedAndItsFiguresStored()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));

        await host.UploadAsync("sales", "2026-10.xlsx", FilledTemplate());
        var result = await host.ResultAsync("sales", "2026-10.xlsx");

        Assert.Equal("accepted", result.GetProperty("status").GetString());
        Assert.Equal(4, result.GetProperty("figures").GetInt32());
        var stored = await host.Figures.LoadAsync(new Period(2026, 10), new Period(2026, 10), default);
        Assert.Equal(October.OrderBy(f => f.Key), stored.ToDictionary(f => f.KpiId, f => f.Value).OrderBy(f => f.Key));
    }

    [Fact]
    public async Task Upload_XlsxWithMistakes_IsRejectedWithEachProblemsCell_AndStoresNothing()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        var workbook = new TestWorkbook().Sheet("Sales")
            .Row(1, "period", "kpi", "value")
            .Row(2, new DateOnly(2026, 9, 1), "new-customers", 1017)
            .Row(3, new DateOnly(2026, 9, 1), "new-customer", 12)
            .Row(4, "2026-09", "average-order-value", "86,5.0")
            .Build();

        await host.UploadAsync("sales", "2026-09.xlsx", workbook);
        var result = await host.ResultAsync("sales", "2026-09.xlsx");

        Assert.Equal("rejected", result.GetProperty("status").GetString());
        var problems = result.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(["B3", "C4"], problems.Select(p => p.GetProperty("cell").GetString()));
        Assert.Equal([3, 4], problems.Select(p => p.GetProperty("line").GetInt32())); // the existing fields keep their meaning
        Assert.StartsWith("'new-customer' is not a KPI of Sales; did you mean 'new-customers'?", problems[0].GetProperty("message").GetString());
        Assert.Empty(await host.Figures.LoadAsync(new Period(2026, 9), new Period(2026, 9), default));
    }

    [Fact]
    public async Task Upload_GermanExcelCsvInWindows1252_IsAcceptedAndTheAnswerSaysWhichEncodingWasAssumed()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        var csv = "period;kpi;value;comment\r\n2026-10;purchase-frequency;1,7;\r\n2026-10;new-customers;1.090,0;Herbstaktion für Bestandskunden\r\n2026-10;average-order-value;84,5;\r\n2026-10;social-referral-revenue;161000;\r\n";

        await host.UploadAsync("sales", "2026-10.csv", CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(csv));
        var result = await host.ResultAsync("sales", "2026-10.csv");

        Assert.Equal("accepted", result.GetProperty("status").GetString());
        Assert.Contains(result.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("the file is not UTF-8, so it was read as Windows-1252", StringComparison.Ordinal));
        var stored = await host.Figures.LoadAsync(new Period(2026, 10), new Period(2026, 10), default);
        Assert.Equal(October.OrderBy(f => f.Key), stored.ToDictionary(f => f.KpiId, f => f.Value).OrderBy(f => f.Key));
        Assert.Equal("Herbstaktion für Bestandskunden", stored.Single(f => f.KpiId == "new-customers").Comment);
    }
}
