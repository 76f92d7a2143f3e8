using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reporting.Functions.ScheduleTrigger;
using Reporting.Storage;
using Reporting.Storage.Leases;
using Reporting.Testing;

namespace Reporting.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ScheduleMonitorTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 6, 5, 59, 0, TimeSpan.Zero);
    private static readonly CronSchedule EveryMinute = CronSchedule.Parse("0 * * * * *");
    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);
    private readonly FakeTimeProvider _clock = new(Start);

    private ScheduleStatusStore Store => new(_account, TestStorage.Leases(_account));

    // A new monitor each time stands for a host (re)starting.
    private ScheduleMonitor Monitor() => new(Store, new ConfiguredHostIdProvider("reporting"), _clock, NullLogger<ScheduleMonitor>.Instance);

    [Fact]
    public async Task CheckAsync_FirstStart_RecordsTheNextOccurrence_AndIsNotPastDue()
    {
        var check = await Monitor().CheckAsync("Monthly", EveryMinute, default);

        Assert.False(check.IsPastDue);
        Assert.Equal(new ScheduleStatus(null, Start.AddMinutes(1), Start), check.Stored.Status);
        Assert.Equal(check.Stored, await Store.ReadAsync("reporting", "Monthly", default));
    }

    [Fact]
    public async Task MissedOccurrences_ArePastDueOnce_NotTwice()
    {
        await Monitor().CheckAsync("Monthly", EveryMinute, default);
        _clock.Advance(TimeSpan.FromMinutes(3.5)); // the host was down for three occurrences

        var restarted = await Monitor().CheckAsync("Monthly", EveryMinute, default);
        Assert.True(restarted.IsPastDue);
        Assert.Equal(Start.AddMinutes(1), restarted.Stored.Status.Next);

        // The listener runs the catch-up once and records it; a host starting after that has nothing to catch up.
        var ran = _clock.GetUtcNow();
        var recorded = await Monitor().RecordAsync("Monthly", EveryMinute, restarted.Stored.ETag, ran, default);
        Assert.Equal(new ScheduleStatus(ran, Start.AddMinutes(4), ran), recorded.Status);
        var again = await Monitor().CheckAsync("Monthly", EveryMinute, default);
        Assert.False(again.IsPastDue);
        Assert.Equal(recorded, again.Stored);
    }

    [Fact]
    public async Task ChangedSchedule_IsReplanned_NotPastDue()
    {
        var first = await Monitor().CheckAsync("Monthly", EveryMinute, default);
        await Monitor().RecordAsync("Monthly", EveryMinute, first.Stored.ETag, Start.AddMinutes(1), default);
        _clock.Advance(TimeSpan.FromMinutes(5)); // past the every-minute schedule's next occurrence

        var hourly = await Monitor().CheckAsync("Monthly", CronSchedule.Parse("0 30 * * * *"), default);

        Assert.False(hourly.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 6, 6, 30, 0, TimeSpan.Zero), hourly.Stored.Status.Next);
        Assert.Equal(hourly.Stored, await Store.ReadAsync("reporting", "Monthly", default));
    }

    [Fact]
    public async Task RecordAsync_AfterAnotherHostRecordedTheSameOrALaterRun_KeepsTheirs()
    {
        var check = await Monitor().CheckAsync("Monthly", EveryMinute, default);
        var theirs = await Monitor().RecordAsync("Monthly", EveryMinute, check.Stored.ETag, Start.AddMinutes(1), default);

        var ours = await Monitor().RecordAsync("Monthly", EveryMinute, check.Stored.ETag, Start.AddMinutes(1), default);

        Assert.Equal(theirs, ours);
        Assert.Equal(theirs, await Store.ReadAsync("reporting", "Monthly", default));
    }
}
