using Reporting.Storage;
using Reporting.Testing;

namespace Reporting.Cli.Tests;

/// <summary>
/// The strategy's timeZone through the CLI: checked by `strategy validate`, and without --period, verbs take last month on the
/// organisation's calendar, not UTC's.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StrategyTimeZoneTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);
    private readonly string _folder = Directory.CreateTempSubdirectory("reporting-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliProcess.Result> Run(string now, params string[] arguments)
    {
        var settings = TestStorage.Settings(_account);
        settings[TestClock.Key] = now;
        return CliProcess.RunWithSettingsAsync(settings, arguments);
    }

    // The sample strategy with its timeZone line replaced.
    private string SampleIn(string zone)
    {
        var yaml = File.ReadAllText(RepositoryFiles.Path("samples", "strategy.yaml"));
        var lines = yaml.Split('\n').Select(l => l.StartsWith("timeZone:", StringComparison.Ordinal) ? $"timeZone: {zone}" : l);
        var path = Path.Combine(_folder, "strategy.yaml");
        File.WriteAllText(path, string.Join('\n', lines));
        return path;
    }

    [Theory]
    [InlineData("America/New_York", "2026-12-01T02:00:00Z", "2026-10")] // 21:00 on 30 November in New York: last month is October
    [InlineData("Europe/London", "2026-12-01T02:00:00Z", "2026-11")] // 02:00 on 1 December in London
    [InlineData("Asia/Tokyo", "2026-11-30T16:00:00Z", "2026-11")] // already 1 December in Tokyo, still November in UTC
    [InlineData("UTC", "2026-11-30T16:00:00Z", "2026-10")]
    public async Task StrategyShowAndStatus_WithoutPeriod_TakeLastMonthInTheStrategysZone(string zone, string now, string expected)
    {
        var init = await Run(now, "init", "--strategy", SampleIn(zone));
        Assert.True(init.ExitCode == 0, init.All);

        var show = await Run(now, "strategy", "show");
        var status = await Run(now, "status");

        Assert.True(show.ExitCode == 0, show.All);
        Assert.Contains($"targets in force in {expected};", show.Output, StringComparison.Ordinal);
        Assert.Contains($"{zone} time.", show.Output, StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.All);
        var month = Core.Periods.Period.Parse(expected);
        Assert.Contains($"Submissions for {month.DisplayName}", status.Output, StringComparison.Ordinal);
        Assert.Contains($"(due by {month.Next().Year:0000}-{month.Next().Month:00}-05, {zone})", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrategyValidate_UnknownTimeZone_ExitsOneAndSaysWhatToWrite()
    {
        var result = await CliProcess.RunAsync("strategy", "validate", SampleIn("Europe/Londn"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("timeZone: 'Europe/Londn' is not a known time zone; use an IANA id such as Europe/London, America/New_York or UTC", result.Output);
    }
}
