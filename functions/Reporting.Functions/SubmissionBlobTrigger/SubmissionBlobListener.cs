using System.Diagnostics;
using Microsoft.Azure.WebJobs.Host.Listeners;
using Microsoft.Extensions.Logging;
using Reporting.Storage.Blobs;

namespace Reporting.Functions.SubmissionBlobTrigger;

/// <summary>
/// Finds uploads and hands each to the <see cref="UploadDispatcher"/>: by listing the submission containers on the
/// <see cref="ContainerScanSchedule"/>, and, when an events queue is configured, by the <see cref="SubmissionEventPump"/>
/// as Event Grid reports them (the listing is then a slow safety net). Receipts make each version run to completion once
/// across restarts, hosts and both paths; a failed version is retried with back-off up to the attempt limit, then poisoned.
/// </summary>
internal sealed partial class SubmissionBlobListener(
    SubmissionBlobs blobs,
    UploadDispatcher dispatcher,
    SubmissionEventPump? events,
    SubmissionBlobTriggerOptions options,
    TimeProvider clock,
    ILogger<SubmissionBlobListener> logger) : IListener
{
    private readonly CancellationTokenSource _stopping = new();   // stop scanning and claiming
    private readonly ContainerScanSchedule _schedule = Schedule(options);
    private Task? _loop;
    private Task? _pump;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        dispatcher.RetryScheduled += (container, delay) => _schedule.Wake(container, clock.GetUtcNow() + delay);
        _loop = Task.Run(() => PollAsync(_stopping.Token), CancellationToken.None);
        if (events is not null)
        {
            _pump = Task.Run(() => events.RunAsync(_stopping.Token), CancellationToken.None);
        }

        LogStarted(logger, _schedule.Fastest.TotalMilliseconds, _schedule.Slowest.TotalMilliseconds, options.EventQueue ?? "none", options.MaxAttempts);
        return Task.CompletedTask;
    }

    /// <summary>Stops claiming new uploads and lets the running ones finish, unless the host's stop timeout runs out first.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        foreach (var loop in new[] { _loop, _pump })
        {
            if (loop is not null)
            {
                await loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await dispatcher.DrainAsync(cancellationToken);
    }

    public void Cancel()
    {
        _stopping.Cancel();
        dispatcher.Abort();
    }

    public void Dispose()
    {
        Cancel();
        _stopping.Dispose();
        dispatcher.Dispose();
    }

    private static ContainerScanSchedule Schedule(SubmissionBlobTriggerOptions options)
    {
        var (fastest, slowest) = options.ScanPace();
        return new ContainerScanSchedule(fastest, slowest);
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        var failures = 0;
        var nextListing = DateTimeOffset.MinValue;
        var firstPass = Stopwatch.StartNew();
        var reportedFirstPass = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                if (now >= nextListing)
                {
                    // New department containers appear rarely: they are looked for at the slowest pace (every polling
                    // interval by default; the idle interval, or the safety net's with events).
                    _schedule.Refresh(await blobs.ListContainersAsync(stopping), now);
                    nextListing = now + _schedule.Slowest;
                }

                var found = await ScanDueAsync(now, stopping);
                if (!reportedFirstPass)
                {
                    reportedFirstPass = true;
                    LogFirstPass(logger, _schedule.Count, found, firstPass.Elapsed.TotalSeconds);
                }

                failures = 0;
                await Task.Delay(options.PollingInterval, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage unreachable or similar: nothing was claimed by this scan; back off and scan again.
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(30_000, options.PollingInterval.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 6))));
                LogScanFailed(logger, ex, failures, delay.TotalSeconds);
                await Task.Delay(delay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    // One container that cannot be listed (a name the storage service chokes on) must not stop the others.
    private async Task<int> ScanDueAsync(DateTimeOffset now, CancellationToken stopping)
    {
        var found = 0;
        foreach (var container in _schedule.Due(now))
        {
            try
            {
                var fresh = await ScanContainerAsync(container, stopping);
                found += fresh;
                _schedule.Scanned(container, fresh > 0, clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !stopping.IsCancellationRequested)
            {
                _schedule.Scanned(container, foundNew: false, clock.GetUtcNow());
                LogContainerFailed(logger, ex, container);
            }
        }

        return found;
    }

    /// <summary>Lists one container and offers each version not known to be finished; returns how many there were.</summary>
    private async Task<int> ScanContainerAsync(string container, CancellationToken stopping)
    {
        await dispatcher.PrimeAsync(container, stopping);
        var fresh = 0;
        await foreach (var upload in blobs.ListUploadsAsync(container, stopping))
        {
            if (dispatcher.IsKnownFinished(upload))
            {
                continue;
            }

            fresh++;
            if (!dispatcher.IsRunning(upload))
            {
                await dispatcher.DispatchAsync(upload, stopping);
            }
        }

        return fresh;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching submission containers every {PollingMs} ms (idle containers every {IdleMs} ms), events queue {EventQueue}, up to {MaxAttempts} attempts per upload")]
    private static partial void LogStarted(ILogger logger, double pollingMs, double idleMs, string eventQueue, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "First scan of {Containers} submission containers done in {Seconds:0.0} s: {Unfinished} uploads not yet handled")]
    private static partial void LogFirstPass(ILogger logger, int containers, int unfinished, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scanning the submission containers failed ({Failures} in a row); trying again in {DelaySeconds} s")]
    private static partial void LogScanFailed(ILogger logger, Exception exception, int failures, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing {Container} failed; the other containers are still scanned")]
    private static partial void LogContainerFailed(ILogger logger, Exception exception, string container);
}
