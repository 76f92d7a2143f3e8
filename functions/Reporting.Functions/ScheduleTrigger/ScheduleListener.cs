using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Azure.WebJobs.Host.Listeners;
using Microsoft.Extensions.Logging;

namespace Reporting.Functions.ScheduleTrigger;

/// <summary>
/// Runs a function at each occurrence of its schedule. A listener singleton: WebJobs starts it only on the host holding its lock
/// (a blob lease) and starts it on another host when that lock is let go or expires, so each occurrence runs on one host.
/// On start it asks <see cref="ScheduleMonitor"/> whether an occurrence was missed and, if so, runs it once at once, past due.
/// A schedule that can change while the host runs (<see cref="ISchedule.ReplanInterval"/>) is asked again at that interval while waiting.
/// </summary>
[Singleton(Mode = SingletonMode.Listener)]
internal sealed partial class ScheduleListener(
    string function, ISchedule schedule, ScheduleMonitor monitor, ITriggeredFunctionExecutor executor, TimeProvider clock, ILogger<ScheduleListener> logger) : IListener
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(24); // timers take at most about 49 days
    private readonly CancellationTokenSource _stopping = new();   // stop waiting for occurrences
    private readonly CancellationTokenSource _aborting = new();   // cut a running function short: only when a stop runs out of time
    private string? _etag;
    private DateTimeOffset _next;
    private Task? _loop;

    /// <summary>Starts in the background: the schedule check reads storage, and storage being down must not keep the host (or the lock) from starting.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops waiting for occurrences and lets a running function finish, unless the host's stop timeout runs out first.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await using var abort = cancellationToken.Register(_aborting.Cancel);
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Cancel()
    {
        _stopping.Cancel();
        _aborting.Cancel();
    }

    public void Dispose()
    {
        Cancel();
        _stopping.Dispose();
        _aborting.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            var check = await CheckAsync(stopping);
            (_etag, _next) = (check.Stored.ETag, check.Stored.Status.Next);
            LogStarted(logger, function, schedule.ToString() ?? "", check.Stored.Status.Last, _next, check.IsPastDue);
            if (check.IsPastDue)
            {
                LogPastDue(logger, function, _next);
                await InvokeAsync(_next, isPastDue: true, stopping);
            }

            while (!stopping.IsCancellationRequested)
            {
                var due = _next;
                for (var wait = due - clock.GetUtcNow(); wait > TimeSpan.Zero; wait = due - clock.GetUtcNow())
                {
                    var longest = schedule.ReplanInterval is { } replan && replan < LongestWait ? replan : LongestWait;
                    await Task.Delay(wait < longest ? wait : longest, clock, stopping);
                    if (schedule.ReplanInterval is not null && clock.GetUtcNow() < due)
                    {
                        due = await ReplanAsync(due, stopping);
                    }
                }

                await InvokeAsync(due, isPastDue: false, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopped while checking or waiting for the next occurrence
        }
    }

    // Until storage answers: only then is it known whether an occurrence was missed.
    private async Task<ScheduleCheck> CheckAsync(CancellationToken stopping)
    {
        for (var failures = 1; ; failures++)
        {
            try
            {
                return await monitor.CheckAsync(function, schedule, stopping);
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(failures, 6))));
                LogCheckFailed(logger, ex, function, delay.TotalSeconds);
                await Task.Delay(delay, clock, stopping);
            }
        }
    }

    // The schedule's settings may have changed while waiting (a new deadline in the strategy): the monitor re-plans and
    // rewrites the status blob as it does at start. Storage unreachable: keep to what was planned.
    private async Task<DateTimeOffset> ReplanAsync(DateTimeOffset due, CancellationToken stopping)
    {
        try
        {
            var check = await monitor.CheckAsync(function, schedule, stopping);
            (_etag, _next) = (check.Stored.ETag, check.Stored.Status.Next);
            return _next;
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            LogReplanFailed(logger, ex, function, due);
            return due;
        }
    }

    private async Task InvokeAsync(DateTimeOffset scheduled, bool isPastDue, CancellationToken stopping)
    {
        // A timer that fires a moment early counts as on time, so the same occurrence is never planned twice.
        var started = clock.GetUtcNow();
        var ran = started > scheduled ? started : scheduled;
        try
        {
            var next = await schedule.GetNextOccurrenceAsync(ran, stopping);
            var result = await executor.TryExecuteAsync(TriggerData(scheduled, next, isPastDue), _aborting.Token);
            if (!result.Succeeded && _aborting.IsCancellationRequested)
            {
                // Cut short by a shutdown: not recorded, so whichever host runs the schedule next catches it up.
                LogCutShort(logger, function, scheduled);
                return;
            }

            var stored = await monitor.RecordAsync(function, schedule, _etag, ran, CancellationToken.None);
            (_etag, _next) = (stored.ETag, stored.Status.Next);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested || ex is not OperationCanceledException)
        {
            // Storage unreachable or similar: keep to the schedule; the status is written again after the next run.
            LogRecordFailed(logger, ex, function);
            _next = await schedule.GetNextOccurrenceAsync(ran, CancellationToken.None);
        }
    }

    private static TriggeredFunctionData TriggerData(DateTimeOffset scheduled, DateTimeOffset next, bool isPastDue) => new()
    {
        TriggerValue = new ScheduleInfo(scheduled, next, isPastDue),
        TriggerDetails = isPastDue
            ? new Dictionary<string, string> { ["UnscheduledInvocationReason"] = "IsPastDue", ["OriginalSchedule"] = scheduled.ToString("o") }
            : new Dictionary<string, string>(),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} runs on {Schedule} on this host: last run {Last:o}, next {Next:o}, past due {IsPastDue}")]
    private static partial void LogStarted(ILogger logger, string function, string schedule, DateTimeOffset? last, DateTimeOffset next, bool isPastDue);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} missed its occurrence at {Scheduled:o} while no host ran it; running it once now")]
    private static partial void LogPastDue(ILogger logger, string function, DateTimeOffset scheduled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} ({Scheduled:o}) was cut short by a shutdown; it is caught up when the schedule next starts")]
    private static partial void LogCutShort(ILogger logger, string function, DateTimeOffset scheduled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the schedule status of {Function} failed; trying again in {DelaySeconds} s")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string function, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking whether the schedule of {Function} changed failed; keeping to {Due:o}")]
    private static partial void LogReplanFailed(ILogger logger, Exception exception, string function, DateTimeOffset due);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Running or recording {Function} failed; it keeps to its schedule")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string function);
}
