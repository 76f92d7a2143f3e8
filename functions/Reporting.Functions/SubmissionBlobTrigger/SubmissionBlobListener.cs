using System.Collections.Concurrent;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Azure.WebJobs.Host.Listeners;
using Microsoft.Extensions.Logging;
using Reporting.Application;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Receipts;

namespace Reporting.Functions.SubmissionBlobTrigger;

/// <summary>
/// Scans the submission containers every polling interval and runs the function for each blob version
/// it manages to claim. Receipts (see <see cref="BlobReceiptStore"/>) make each version run to completion
/// once across restarts and hosts; a failed version is retried with back-off up to the attempt limit, then poisoned.
/// </summary>
internal sealed partial class SubmissionBlobListener(
    SubmissionBlobs blobs,
    BlobReceiptStore receipts,
    IPoisonedUploadHandler poisonHandler,
    ITriggeredFunctionExecutor executor,
    SubmissionBlobTriggerOptions options,
    TimeProvider clock,
    ILogger<SubmissionBlobListener> logger) : IListener
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<(string Container, string Name), string> _finished = new();
    private readonly ConcurrentDictionary<(string Container, string Name, string ETag), Task> _running = new();
    private readonly CancellationTokenSource _stopping = new();   // stop scanning and claiming
    private readonly CancellationTokenSource _aborting = new();   // cut running functions short: only when a stop runs out of time
    private SemaphoreSlim? _slots;
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _slots = new SemaphoreSlim(Math.Max(1, options.MaxConcurrentUploads));
        _loop = Task.Run(() => PollAsync(_stopping.Token), CancellationToken.None);
        LogStarted(logger, options.PollingInterval.TotalMilliseconds, options.MaxAttempts);
        return Task.CompletedTask;
    }

    /// <summary>Stops claiming new uploads and lets the running ones finish, unless the host's stop timeout runs out first.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await using var abort = cancellationToken.Register(_aborting.Cancel);
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
        _slots?.Dispose();
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ScanOnceAsync(stopping);
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
    private async Task ScanOnceAsync(CancellationToken stopping)
    {
        foreach (var container in await blobs.ListContainersAsync(stopping))
        {
            try
            {
                await ScanContainerAsync(container, stopping);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !stopping.IsCancellationRequested)
            {
                LogContainerFailed(logger, ex, container);
            }
        }
    }

    private async Task ScanContainerAsync(string container, CancellationToken stopping)
    {
        await foreach (var upload in blobs.ListUploadsAsync(container, stopping))
        {
            var key = (upload.Container, upload.BlobName, upload.ETag);
            if ((_finished.TryGetValue((upload.Container, upload.BlobName), out var done) && done == upload.ETag) || _running.ContainsKey(key))
            {
                continue;
            }

            // Take a slot before the claim: a claim must never wait, or a stop could strand it until it expires.
            await _slots!.WaitAsync(stopping);
            ClaimAttempt attempt;
            try
            {
                attempt = await receipts.TryClaimAsync(upload.Container, upload.BlobName, upload.ETag, _owner, options.ClaimDuration, CancellationToken.None);
            }
            catch
            {
                _slots.Release();
                throw;
            }

            if (attempt.IsFinished)
            {
                _finished[(upload.Container, upload.BlobName)] = upload.ETag;
            }

            if (attempt.Claim is not { } claim)
            {
                _slots.Release();
                continue;
            }

            _running[key] = Task.Run(async () =>
            {
                try
                {
                    await HandleAsync(upload, claim, _aborting.Token);
                }
                finally
                {
                    _running.TryRemove(key, out _);
                    _slots.Release();
                }
            }, CancellationToken.None);
        }
    }

    private async Task HandleAsync(SubmissionUpload upload, BlobClaim claim, CancellationToken aborting)
    {
        try
        {
            if (claim.Attempt > options.MaxAttempts)
            {
                // Earlier attempts ended without a verdict (the host died); do not try again.
                await PoisonAsync(upload, claim, $"the upload was attempted {claim.Attempt - 1} times without finishing", aborting);
                return;
            }

            FunctionResult result;
            await using (var keeper = new ClaimKeeper(receipts, claim, options.ClaimDuration, clock))
            {
                using var work = CancellationTokenSource.CreateLinkedTokenSource(aborting, keeper.Lost);
                result = await executor.TryExecuteAsync(new TriggeredFunctionData { TriggerValue = upload with { Fence = keeper } }, work.Token);
                if (keeper.Lost.IsCancellationRequested)
                {
                    LogClaimLost(logger, upload.Container, upload.BlobName);
                    return; // another host has it now; its receipt is not ours to touch
                }
            }

            if (!result.Succeeded && aborting.IsCancellationRequested)
            {
                // Cut short by a shutdown, not failed: hand it back without using up an attempt.
                await receipts.AbandonAsync(claim, CancellationToken.None);
            }
            else if (result.Succeeded)
            {
                await receipts.CompleteAsync(claim, CancellationToken.None);
                _finished[(upload.Container, upload.BlobName)] = upload.ETag;
            }
            else if (claim.Attempt >= options.MaxAttempts)
            {
                await PoisonAsync(upload, claim, Describe(result.Exception), aborting);
            }
            else
            {
                var delay = options.RetryDelay * Math.Pow(2, claim.Attempt - 1);
                LogWillRetry(logger, upload.Container, upload.BlobName, claim.Attempt, options.MaxAttempts, delay.TotalSeconds);
                await receipts.ReleaseForRetryAsync(claim, Describe(result.Exception), delay, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The receipt could not be updated; the claim expires and another attempt follows.
            LogReceiptFailed(logger, ex, upload.Container, upload.BlobName);
        }
    }

    private async Task PoisonAsync(SubmissionUpload upload, BlobClaim claim, string error, CancellationToken aborting)
    {
        LogPoisoned(logger, upload.Container, upload.BlobName, claim.Attempt, error);
        await poisonHandler.HandleAsync(upload, claim.Attempt, error, aborting);
        await receipts.PoisonAsync(claim, error, CancellationToken.None);
        _finished[(upload.Container, upload.BlobName)] = upload.ETag;
    }

    private static string Describe(Exception? exception) =>
        SecretRedactor.Redact((exception?.InnerException ?? exception)?.Message ?? "the function failed without an exception");

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Container}/{BlobName}: another host took over the claim while this one worked; this one stopped without publishing")]
    private static partial void LogClaimLost(ILogger logger, string container, string blobName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching submission containers every {PollingMs} ms, up to {MaxAttempts} attempts per upload")]
    private static partial void LogStarted(ILogger logger, double pollingMs, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scanning the submission containers failed ({Failures} in a row); trying again in {DelaySeconds} s")]
    private static partial void LogScanFailed(ILogger logger, Exception exception, int failures, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing {Container} failed; the other containers are still scanned")]
    private static partial void LogContainerFailed(ILogger logger, Exception exception, string container);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Container}/{BlobName} failed attempt {Attempt} of {MaxAttempts}; retrying in {DelaySeconds} s")]
    private static partial void LogWillRetry(ILogger logger, string container, string blobName, int attempt, int maxAttempts, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Container}/{BlobName} is poisoned after {Attempts} attempts: {Error}")]
    private static partial void LogPoisoned(ILogger logger, string container, string blobName, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the receipt of {Container}/{BlobName}; its claim will expire and it will be tried again")]
    private static partial void LogReceiptFailed(ILogger logger, Exception exception, string container, string blobName);
}
