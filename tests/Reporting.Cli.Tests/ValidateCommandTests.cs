using Reporting.Testing;

namespace Reporting.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("reporting-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Validate_SampleFile_ExitsZeroAndSaysValid()
    {
        var result = await CliProcess.RunAsync("validate", RepositoryFiles.Path("samples", "submissions", "sales", "2026-10.csv"), "--department", "sales");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Valid: 2026-10.csv for Sales, period 2026-10, 4 figures.", result.Output);
    }

    [Theory]
    [InlineData("2026-11-10T09:00:00Z", "2026-12", "2026-12 is in the future; the latest month that can be submitted is 2026-11")]
    [InlineData("2030-06-01T12:00:00Z", "2026-10", "2026-10 is more than 24 months ago; the earliest month that can be submitted is 2028-06")]
    public async Task Validate_PeriodOutsideTheWindow_IsJudgedByTheConfiguredClock(string now, string period, string expected)
    {
        var file = Write("window.csv", $"period,kpi,value\n{period},new-customers,12\n");

        var result = await CliProcess.RunWithSettingsAsync(new Dictionary<string, string?> { [TestClock.Key] = now }, "validate", file, "--department", "sales");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadClockSetting_IsAUsageError()
    {
        var result = await CliProcess.RunWithSettingsAsync(new Dictionary<string, string?> { [TestClock.Key] = "next tuesday" }, "validate", "x.csv", "--department", "sales");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Reporting:Now is 'next tuesday', which is not an instant", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BadFile_ExitsOneAndListsEachProblem()
    {
        var file = Write("bad.csv", "period,kpi,value\n2026-10,new-customer,12\n2026-10,average-order-value,\"86,5\"\n");

        var result = await CliProcess.RunAsync("validate", file, "--department", "sales");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Invalid: bad.csv for Sales: 2 problem(s).", result.Output);
        Assert.Contains("line 2, column 2 (kpi): 'new-customer' is not a KPI of Sales; did you mean 'new-customers'?", result.Output);
        Assert.Contains("line 3, column 3 (value): '86,5' uses a comma", result.Output);
    }

    [Theory]
    [InlineData("--department", "nobody", "There is no department 'nobody'")]
    [InlineData("--bogus", "x", "--bogus")]
    public async Task Validate_UsageMistake_ExitsTwo(string option, string value, string expected)
    {
        var file = Write("ok.csv", "period,kpi,value\n2026-10,new-customers,12\n");

        var result = await CliProcess.RunAsync("validate", file, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.All);
    }

    [Fact]
    public async Task StrategyValidate_BrokenFile_ExitsOneAndListsProblems()
    {
        var file = Write("strategy.yaml", "organisation: X\ndepartments:\n  - id: Bad Id\n    name: B\n    kpis: []\n");

        var result = await CliProcess.RunAsync("strategy", "validate", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("departments[Bad Id].id: 'Bad Id' is not a valid department id", result.Output);
        Assert.Contains("departments[Bad Id].kpis: a department needs at least one KPI", result.Output);
    }

    [Fact]
    public async Task StrategyValidate_Sample_ExitsZero()
    {
        var result = await CliProcess.RunAsync("strategy", "validate", RepositoryFiles.Path("samples", "strategy.yaml"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Valid: Northwind Traders, version 2026.1: 8 departments, 38 scored KPIs (3 derived), 5 inputs.", result.Output);
    }
}
