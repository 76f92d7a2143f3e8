using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NCrontab;
using Reporting.Application;
using Reporting.Core.Strategy;
using Reporting.Functions.Functions;
using Reporting.Functions.ScheduleTrigger;
using Reporting.Functions.Scheduling;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Leases;
using Reporting.Testing;

namespace Reporting.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class MonthlyScorecardScheduleTests(AzuriteFixture azurite)
{
    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);

    private static EngagementStrategy Strategy(int deadline, string zone) =>
        new("Org", "1", [], deadline, Zone: TimeZoneInfo.FindSystemTimeZoneById(zone));

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private static CrontabSchedule Cron(string expression) => CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    private MonthlyScorecardSchedule Schedule(string? cron = null) =>
        new(new StrategySource(new StrategyBlob(_account)), Options.Create(new MonthlyScorecardOptions { Schedule = cron }), NullLogger<MonthlyScorecardSchedule>.Instance);

    private async Task PushStrategyAsync(int deadline, string zone) =>
        await new StrategyBlob(_account).WriteAsync(
            $"organisation: Org\nsubmissionDeadlineDay: {deadline}\ntimeZone: {zone}\ndepartments:\n  - id: sales\n    name: Sales\n    kpis:\n      - {{ id: reach, name: Reach, unit: count, direction: higher, target: 1 }}\n",
            default);

    [Theory]
    // The default run: 06:00 local on the day after the deadline day.
    [InlineData(10, "Asia/Tokyo", "2026-11-22T10:00:00Z", "2026-12-10T21:00:00Z")] // the 11th 06:00 JST (UTC+9)
    [InlineData(5, "Europe/London", "2026-11-22T10:00:00Z", "2026-12-06T06:00:00Z")] // winter: UTC+0
    [InlineData(5, "Europe/London", "2026-06-01T00:00:00Z", "2026-06-06T05:00:00Z")] // summer: UTC+1
    [InlineData(5, "America/New_York", "2026-11-22T10:00:00Z", "2026-12-06T11:00:00Z")]
    [InlineData(5, "America/New_York", "2026-11-06T10:59:59Z", "2026-11-06T11:00:00Z")] // a second before this month's run
    [InlineData(5, "UTC", "2026-12-06T06:00:00Z", "2027-01-06T06:00:00Z")] // strictly after
    [InlineData(28, "UTC", "2027-02-10T00:00:00Z", "2027-03-01T06:00:00Z")] // the day after 28 February is 1 March
    [InlineData(28, "UTC", "2028-02-10T00:00:00Z", "2028-02-29T06:00:00Z")] // in a leap year, the 29th
    public void NextOccurrence_ByDefault_IsTheDayAfterTheDeadlineAt6InTheStrategysZone(int deadline, string zone, string after, string expected)
    {
        var next = MonthlyScorecardSchedule.NextOccurrence(Strategy(deadline, zone), null, At(after));

        Assert.Equal(At(expected), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Theory]
    [InlineData("Europe/London", "2026-11-22T10:00:00Z", "2026-12-01T08:30:00Z")]
    [InlineData("Asia/Tokyo", "2026-11-22T10:00:00Z", "2026-11-30T23:30:00Z")]
    public void NextOccurrence_ExplicitSchedule_OverridesTheDeadline_AndIsTakenInTheStrategysZone(string zone, string after, string expected)
    {
        var next = MonthlyScorecardSchedule.NextOccurrence(Strategy(10, zone), Cron("0 30 8 1 * *"), At(after));

        Assert.Equal(At(expected), next);
    }

    [Fact]
    public void NextOccurrence_TimeSkippedBySpringForward_RunsAtTheNextTimeThatExists()
    {
        // 29 March 2026, 01:30 does not exist in London (clocks go from 01:00 to 02:00).
        var next = MonthlyScorecardSchedule.NextOccurrence(Strategy(5, "Europe/London"), Cron("0 30 1 29 3 *"), At("2026-03-01T00:00:00Z"));

        Assert.Equal(At("2026-03-29T01:30:00Z"), next);
    }

    [Fact]
    public void NextOccurrence_TimeRepeatedByFallBack_RunsAtItsFirstInstance()
    {
        // 1 November 2026, 01:30 happens twice in New York: first in summer time (UTC-4).
        var next = MonthlyScorecardSchedule.NextOccurrence(Strategy(5, "America/New_York"), Cron("0 30 1 1 11 *"), At("2026-10-01T00:00:00Z"));

        Assert.Equal(At("2026-11-01T05:30:00Z"), next);
    }

    [Fact]
    public void Configure_BadSchedule_SaysWhatIsWrong()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Schedule("0 0 6 6 *"));
        Assert.Contains("is not a six-field cron expression", error.Message);
    }

    [Fact]
    public async Task Configure_RetiredTimeZoneSetting_IsIgnoredWithAWarningThatSaysWhereTheZoneLives()
    {
        var logger = new ListLogger<MonthlyScorecardSchedule>();
        var schedule = new MonthlyScorecardSchedule(
            new StrategySource(new StrategyBlob(_account)), Options.Create(new MonthlyScorecardOptions { TimeZone = "America/New_York" }), logger);

        Assert.Equal(At("2026-12-06T06:00:00Z"), await schedule.GetNextOccurrenceAsync(At("2026-11-22T10:00:00Z"), default)); // no strategy: UTC, not New York
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
        Assert.Contains("extensions.monthlyScorecards.timeZone (America/New_York) is no longer read: the organisation's zone is the strategy's timeZone", warning.Message);
    }

    [Fact]
    public async Task GetNextOccurrenceAsync_FollowsTheStrategyInStorage_AndANewDeadlineMovesIt()
    {
        var schedule = Schedule();
        var after = At("2026-11-22T10:00:00Z");
        Assert.Equal(At("2026-12-06T06:00:00Z"), await schedule.GetNextOccurrenceAsync(after, default)); // no strategy yet: day 5, UTC

        await PushStrategyAsync(10, "Asia/Tokyo");
        Assert.Equal(At("2026-12-10T21:00:00Z"), await schedule.GetNextOccurrenceAsync(after, default));
        Assert.Contains("day 10 (Asia/Tokyo)", schedule.ToString());

        await PushStrategyAsync(3, "America/New_York");
        Assert.Equal(At("2026-12-04T11:00:00Z"), await schedule.GetNextOccurrenceAsync(after, default));
    }

    [Fact]
    public async Task GetNextOccurrenceAsync_StrategyUnreadableAfterARead_KeepsToTheLastStrategyRead()
    {
        await PushStrategyAsync(10, "Asia/Tokyo");
        var schedule = Schedule();
        var after = At("2026-11-22T10:00:00Z");
        await schedule.GetNextOccurrenceAsync(after, default);
        await new StrategyBlob(_account).WriteAsync("organisation: [unclosed", default); // pushed past `reporting strategy push`'s checks

        Assert.Equal(At("2026-12-10T21:00:00Z"), await schedule.GetNextOccurrenceAsync(after, default));
    }

    [Fact]
    public async Task GetNextOccurrenceAsync_StorageUnreachableBeforeAnyRead_Throws_SoTheListenerTriesAgain()
    {
        var schedule = new MonthlyScorecardSchedule(
            new StrategySource(new StrategyBlob(TestStorage.Unreachable())), Options.Create(new MonthlyScorecardOptions()), NullLogger<MonthlyScorecardSchedule>.Instance);

        // The client's retries give up with every attempt's failure: storage that did not answer, nothing else.
        var failed = await Assert.ThrowsAsync<AggregateException>(() => schedule.GetNextOccurrenceAsync(At("2026-11-22T10:00:00Z"), default));
        Assert.All(failed.InnerExceptions, e => Assert.IsType<Azure.RequestFailedException>(e));
    }

    [Theory]
    [InlineData("2026-12-06T06:00:00Z", 5, "Europe/London", "2026-11")] // the run on the 6th renders last month
    [InlineData("2026-12-10T21:00:00Z", 10, "Asia/Tokyo", "2026-11")] // the 11th in Tokyo, still the 10th in UTC
    [InlineData("2027-03-01T06:00:00Z", 28, "UTC", "2027-01")] // 1 March, the day after February's 28th: January's deadline passed, February's has not
    [InlineData("2026-12-05T23:30:00Z", 5, "America/New_York", "2026-10")] // still the 5th in New York: November is not due yet
    [InlineData("2026-01-01T00:30:00Z", 5, "America/New_York", "2025-11")] // still 31 December in New York
    public async Task PeriodDueAsync_IsTheLatestMonthPastItsDeadlineWhenTheOccurrenceWasScheduled(string scheduled, int deadline, string zone, string expected)
    {
        await PushStrategyAsync(deadline, zone);
        var function = new MonthlyScorecards(null!, null!, new StrategySource(new StrategyBlob(_account)), Options.Create(new MonthlyScorecardOptions()));

        Assert.Equal(expected, (await function.PeriodDueAsync(At(scheduled), default)).ToString());
    }

    [Fact]
    public async Task Listener_WaitingForTheRun_FollowsANewDeadlineInTheStrategy_AndRecordsTheNewPlan()
    {
        await PushStrategyAsync(5, "UTC");
        var clock = new FakeTimeProvider(At("2026-11-22T10:00:00Z"));
        var store = new ScheduleStatusStore(_account, TestStorage.Leases(_account));
        var executor = new RecordingExecutor();
        var schedule = Schedule();
        var monitor = new ScheduleMonitor(store, new ConfiguredHostIdProvider("reporting"), clock, NullLogger<ScheduleMonitor>.Instance);
        using var listener = new ScheduleListener("Monthly", schedule, monitor, executor, clock, NullLogger<ScheduleListener>.Instance);
        await listener.StartAsync(default);
        await WaitForAsync(async () => (await store.ReadAsync("reporting", "Monthly", default))?.Status.Next == At("2026-12-06T06:00:00Z"));

        await PushStrategyAsync(10, "Asia/Tokyo");
        clock.Advance(schedule.ReplanInterval!.Value); // the listener asks again
        await WaitForAsync(async () => (await store.ReadAsync("reporting", "Monthly", default))?.Status.Next == At("2026-12-10T21:00:00Z"));

        clock.SetUtcNow(At("2026-12-06T06:00:00Z")); // the old plan's time: nothing runs
        clock.SetUtcNow(At("2026-12-10T21:00:00Z"));
        var run = await executor.NextAsync();
        Assert.Equal(At("2026-12-10T21:00:00Z"), run.ScheduledUtc);
        Assert.False(run.IsPastDue);
        Assert.Single(executor.Runs);
        await listener.StopAsync(default);
    }

    // Polls storage (not time): the listener works in the background on the fake clock.
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
