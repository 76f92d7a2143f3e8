using System.Threading.Channels;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Reporting.Functions.ScheduleTrigger;
using Reporting.Storage;
using Reporting.Storage.Leases;
using Reporting.Testing;

namespace Reporting.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ScheduleListenerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 6, 6, 0, 30, TimeSpan.Zero);
    private static readonly CronSchedule EveryMinute = CronSchedule.Parse("0 * * * * *");
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly RecordingExecutor _executor = new();

    private ScheduleStatusStore Store => new(_account, TestStorage.Leases(_account));

    private ScheduleListener Listener() => new(
        "Monthly", EveryMinute, new ScheduleMonitor(Store, new ConfiguredHostIdProvider("reporting"), _clock, NullLogger<ScheduleMonitor>.Instance),
        _executor, _clock, NullLogger<ScheduleListener>.Instance);

    [Fact]
    public async Task StartedAfterAMissedOccurrence_RunsItOncePastDue_ThenKeepsToTheSchedule_AndARestartDoesNotRunItAgain()
    {
        var missed = Start.AddSeconds(-30); // 06:00, while no host ran the schedule
        await Store.TryWriteAsync("reporting", "Monthly", new ScheduleStatus(missed.AddMinutes(-1), missed, missed.AddMinutes(-1)), null, default);

        using (var listener = Listener())
        {
            await listener.StartAsync(default);
            Assert.Equal(new ScheduleInfo(missed, Start.AddSeconds(30), IsPastDue: true), await _executor.NextAsync());

            _clock.Advance(TimeSpan.FromSeconds(30)); // 06:01
            Assert.Equal(new ScheduleInfo(Start.AddSeconds(30), Start.AddSeconds(90), IsPastDue: false), await _executor.NextAsync());
            await RecordedAsync(Start.AddSeconds(90));
            await listener.StopAsync(default);
        }

        using (var restarted = Listener())
        {
            await restarted.StartAsync(default);
            _clock.Advance(TimeSpan.FromMinutes(1)); // 06:02, exactly the next occurrence: due, not past due, whether the start checked before or after
            Assert.Equal(new ScheduleInfo(Start.AddSeconds(90), Start.AddSeconds(150), IsPastDue: false), await _executor.NextAsync());
            await restarted.StopAsync(default);
        }

        Assert.Single(_executor.Runs, r => r.IsPastDue);
    }

    [Fact]
    public async Task AFailedRun_IsRecorded_AndTheScheduleGoesOn()
    {
        _executor.Succeed = false;
        using var listener = Listener();
        await listener.StartAsync(default);
        await RecordedAsync(Start.AddSeconds(30)); // the first start plans the next occurrence

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.False((await _executor.NextAsync()).IsPastDue);
        await RecordedAsync(Start.AddSeconds(90));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(Start.AddSeconds(90), (await _executor.NextAsync()).ScheduledUtc);
        await listener.StopAsync(default);
    }

    [Fact]
    public async Task StopAsync_WhileWaitingForAnOccurrence_ReturnsWithoutRunningIt()
    {
        using var listener = Listener();
        await listener.StartAsync(default);

        await listener.StopAsync(new CancellationTokenSource(Timeout).Token);
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Empty(_executor.Runs);
    }

    [Fact]
    public async Task StartAsync_StorageUnreachable_DoesNotFailTheHostsStart_AndStopsCleanly()
    {
        var nowhere = TestStorage.Unreachable();
        var monitor = new ScheduleMonitor(new ScheduleStatusStore(nowhere, TestStorage.Leases(nowhere)), new ConfiguredHostIdProvider("reporting"), _clock, NullLogger<ScheduleMonitor>.Instance);
        using var listener = new ScheduleListener("Monthly", EveryMinute, monitor, _executor, _clock, NullLogger<ScheduleListener>.Instance);

        await listener.StartAsync(new CancellationTokenSource(Timeout).Token);
        await listener.StopAsync(new CancellationTokenSource(Timeout).Token);

        Assert.Empty(_executor.Runs);
    }

    // The status blob is written just after the run returns: wait for it, not for a fixed time.
    private async Task RecordedAsync(DateTimeOffset next)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while ((await Store.ReadAsync("reporting", "Monthly", timeout.Token))?.Status.Next != next)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
