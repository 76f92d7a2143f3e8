using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;
using Reporting.Storage;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.Cli.Tests;

/// <summary><c>reporting template</c> run as a process against Azurite: the month's template, filled in, is a valid submission.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TemplateCommandTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly Dictionary<string, string> OctoberFigures = new()
    {
        ["purchase-frequency"] = "1.7", ["new-customers"] = "1090", ["average-order-value"] = "84.5", ["social-referral-revenue"] = "161000",
    };

    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);
    private readonly string _folder = Directory.CreateTempSubdirectory("reporting-template-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliProcess.Result> Run(params string[] arguments) => CliProcess.RunWithSettingsAsync(TestStorage.Settings(_account), arguments);

    // September's sample figures in force, as if Sales had uploaded them: the template's "last month".
    private async Task InitWithSeptemberAsync()
    {
        var init = await Run("init");
        Assert.True(init.ExitCode == 0, init.All);
        var strategy = SampleOrganisation.Strategy();
        var september = SampleOrganisation.Figures(strategy).Where(f => f.DepartmentId == "sales" && f.Period == new Period(2026, 9)).ToList();
        await new KpiFigureTable(_account).PublishAsync("sales", new Period(2026, 9), new SubmissionStamp(TestClock.Now.AddDays(-40), "2026-09.csv", "\"0x1\""), september, null, CancellationToken.None);
    }

    [Fact]
    public async Task Template_Xlsx_ListsTheKpisWithGuidance_AndFilledInIsValid()
    {
        await InitWithSeptemberAsync();
        var path = Path.Combine(_folder, "sales.xlsx");

        var result = await Run("template", "--department", "sales", "--period", "2026-10", "--format", "xlsx", "--out", path);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("Template for Sales, 2026-10: 4 KPIs", result.Output);
        using (var document = SpreadsheetDocument.Open(path, true))
        {
            var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
            Assert.Equal(["period", "kpi", "name", "unit", "target", "last month", "value", "comment"], rows[0].Elements<Cell>().Select(c => c.InnerText));
            var newCustomers = rows.Single(r => r.Elements<Cell>().ElementAt(1).InnerText == "new-customers").Elements<Cell>().ToList();
            Assert.Equal(["2026-10", "new-customers", "New customers reached through social channels", "count", "1200", "1017"], newCustomers.Take(6).Select(c => c.InnerText));
            foreach (var row in rows.Skip(1))
            {
                var value = row.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith('G'));
                value.CellValue = new CellValue(OctoberFigures[row.Elements<Cell>().ElementAt(1).InnerText]);
                value.DataType = CellValues.Number;
            }
        }

        var validate = await Run("validate", path, "--department", "sales");

        Assert.True(validate.ExitCode == 0, validate.All);
        Assert.Contains("Valid: sales.xlsx for Sales, period 2026-10, 4 figures.", validate.Output);
    }

    [Fact]
    public async Task Template_CsvForTheMonthNowDue_IsWrittenUnderTheMonthsName_AndFilledInIsValid()
    {
        await InitWithSeptemberAsync();

        var result = await Run("template", "--department", "sales", "--format", "csv", "--out", Path.Combine(_folder, "2026-10.csv"));

        Assert.True(result.ExitCode == 0, result.All);
        var csv = File.ReadAllText(Path.Combine(_folder, "2026-10.csv"), Encoding.UTF8);
        Assert.Contains("\"2026-10\",\"average-order-value\",\"Average order value\",\"EUR\",\"86\",\"83.26\",\"\",\"\"", csv); // the month now due by the CLI's clock (2026-11-10)
        var filled = string.Join("\r\n", csv.Split("\r\n").Select(line =>
            line.Split(',').ElementAtOrDefault(1)?.Trim('"') is { } kpi && OctoberFigures.TryGetValue(kpi, out var value)
                ? line[..line.LastIndexOf(",\"\",\"\"", StringComparison.Ordinal)] + $",\"{value}\",\"\""
                : line));
        File.WriteAllText(Path.Combine(_folder, "2026-10.csv"), filled, new UTF8Encoding(true));

        var validate = await Run("validate", Path.Combine(_folder, "2026-10.csv"), "--department", "sales");

        Assert.True(validate.ExitCode == 0, validate.All);
        Assert.Contains("period 2026-10, 4 figures.", validate.Output);
    }

    [Fact]
    public async Task Template_SameInputs_GiveTheSameBytes()
    {
        await InitWithSeptemberAsync();
        var first = Path.Combine(_folder, "a.xlsx");
        var second = Path.Combine(_folder, "b.xlsx");

        await Run("template", "-d", "sales", "--period", "2026-10", "--out", first);
        await Run("template", "-d", "sales", "--period", "2026-10", "--out", second);

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Theory]
    [InlineData("nobody", "2026-10", "xlsx", "There is no department 'nobody'")]
    [InlineData("sales", "10/2026", "xlsx", "'10/2026' is not a period")]
    [InlineData("sales", "2026-10", "pdf", "pdf")]
    public async Task Template_BadArguments_AreUsageErrors(string department, string period, string format, string expected)
    {
        await Run("init");

        var result = await Run("template", "--department", department, "--period", period, "--format", format, "--out", Path.Combine(_folder, "x"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.All);
        Assert.False(File.Exists(Path.Combine(_folder, "x")));
    }
}
