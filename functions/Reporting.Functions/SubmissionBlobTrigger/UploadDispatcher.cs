using System.Collections.Concurrent;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Extensions.Logging;
using Reporting.Application;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Receipts;

namespace Reporting.Functions.SubmissionBlobTrigger;

/// <summary>
/// The one handler both the scan and the upload events feed: claims a blob version (see <see cref="BlobReceiptStore"/>),
/// runs the function under the claim, and records the verdict. The same version offered twice (an event and a scan hit,
/// or two events) runs once: a second offer while it runs gets the same run, after it finished nothing.
/// </summary>
internal sealed partial class UploadDispatcher(
    BlobReceiptStore receipts,
    IPoisonedUploadHandler poisonHandler,
    ITriggeredFunctionExecutor executor,
    SubmissionBlobTriggerOptions options,
    TimeProvider clock,
    ILogger logger) : IDisposable
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<(string Container, string Name, string ETag), bool> _finished = new();
    private readonly ConcurrentDictionary<(string Container, string Name, string ETag), Task<UploadOutcome>> _running = new();
    private readonly ConcurrentDictionary<string, bool> _primed = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.MaxConcurrentUploads));
    private readonly CancellationTokenSource _aborting = new();   // cut running functions short: only when a stop runs out of time

    /// <summary>Raised when an upload failed and waits for its retry: the container must be looked at again then.</summary>
    public event Action<string, TimeSpan>? RetryScheduled;

    /// <summary>True when this host already knows the version is handled for good (no storage call).</summary>
    public bool IsKnownFinished(SubmissionUpload upload) => _finished.ContainsKey(Key(upload));

    public bool IsRunning(SubmissionUpload upload) => _running.ContainsKey(Key(upload));

    /// <summary>
    /// Learns the container's finished versions from its receipts in one query, the first time it is scanned, so a host
    /// starting on years of uploads does not read one receipt per upload.
    /// </summary>
    public async Task PrimeAsync(string container, CancellationToken cancellationToken)
    {
        if (_primed.ContainsKey(container))
        {
            return;
        }

        foreach (var (name, etag) in await receipts.FinishedVersionsAsync(container, cancellationToken))
        {
            _finished[(container, name, etag)] = true;
        }

        _primed[container] = true;
    }

    /// <summary>Claims the version and starts the function for it, or says why not; a version already running here is not claimed twice.</summary>
    public async Task<UploadDispatch> DispatchAsync(SubmissionUpload upload, CancellationToken stopping)
    {
        var key = Key(upload);
        if (_finished.ContainsKey(key))
        {
            return UploadDispatch.Finished;
        }

        if (_running.TryGetValue(key, out var running))
        {
            return new UploadDispatch(UploadDispatchKind.Running, running);
        }

        // Take a slot before the claim: a claim must never wait, or a stop could strand it until it expires.
        await _slots.WaitAsync(stopping);
        var started = false;
        try
        {
            // Between the checks above and the slot, the other path (scan or event) may have started or finished it.
            if (_finished.ContainsKey(key))
            {
                return UploadDispatch.Finished;
            }

            if (_running.TryGetValue(key, out running))
            {
                return new UploadDispatch(UploadDispatchKind.Running, running);
            }

            var run = new TaskCompletionSource<UploadOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_running.TryAdd(key, run.Task))
            {
                return new UploadDispatch(UploadDispatchKind.Running, _running[key]);
            }

            ClaimAttempt attempt;
            try
            {
                attempt = await receipts.TryClaimAsync(upload.Container, upload.BlobName, upload.ETag, _owner, options.ClaimDuration, CancellationToken.None);
            }
            catch (Exception ex)
            {
                _running.TryRemove(key, out _);
                run.SetException(ex);
                throw;
            }

            if (attempt.Claim is not { } claim)
            {
                if (attempt.IsFinished)
                {
                    _finished[key] = true;
                }

                _running.TryRemove(key, out _);
                var result = attempt.IsFinished ? UploadDispatch.Finished : UploadDispatch.Busy;
                run.SetResult(attempt.IsFinished ? UploadOutcome.Done : UploadOutcome.ClaimLost);
                return result;
            }

            started = true;
            _ = Task.Run(async () =>
            {
                try
                {
                    run.SetResult(await HandleAsync(upload, claim, _aborting.Token));
                }
                catch (Exception ex)
                {
                    run.SetException(ex);
                }
                finally
                {
                    _running.TryRemove(key, out _);
                    _slots.Release();
                }
            }, CancellationToken.None);
            return new UploadDispatch(UploadDispatchKind.Running, run.Task);
        }
        finally
        {
            if (!started)
            {
                _slots.Release();
            }
        }
    }

    /// <summary>Waits for the running uploads; when <paramref name="cancellationToken"/> fires, cuts them short.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        await using var abort = cancellationToken.Register(_aborting.Cancel);
        await ((Task)Task.WhenAll(_running.Values)).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Abort() => _aborting.Cancel();

    public void Dispose()
    {
        _aborting.Cancel();
        _aborting.Dispose();
        _slots.Dispose();
    }

    private static (string, string, string) Key(SubmissionUpload upload) => (upload.Container, upload.BlobName, upload.ETag);

    private async Task<UploadOutcome> HandleAsync(SubmissionUpload upload, BlobClaim claim, CancellationToken aborting)
    {
        try
        {
            if (claim.Attempt > options.MaxAttempts)
            {
                // Earlier attempts ended without a verdict (the host died); do not try again.
                await PoisonAsync(upload, claim, $"the upload was attempted {claim.Attempt - 1} times without finishing", aborting);
                return UploadOutcome.Poisoned;
            }

            FunctionResult result;
            await using (var keeper = new ClaimKeeper(receipts, claim, options.ClaimDuration, clock))
            {
                using var work = CancellationTokenSource.CreateLinkedTokenSource(aborting, keeper.Lost);
                result = await executor.TryExecuteAsync(new TriggeredFunctionData { TriggerValue = upload with { Fence = keeper } }, work.Token);
                if (keeper.Lost.IsCancellationRequested)
                {
                    LogClaimLost(logger, upload.Container, upload.BlobName);
                    return UploadOutcome.ClaimLost; // another host has it now; its receipt is not ours to touch
                }
            }

            if (!result.Succeeded && aborting.IsCancellationRequested)
            {
                // Cut short by a shutdown, not failed: hand it back without using up an attempt.
                await receipts.AbandonAsync(claim, CancellationToken.None);
                return UploadOutcome.Abandoned;
            }

            if (result.Succeeded)
            {
                await receipts.CompleteAsync(claim, CancellationToken.None);
                _finished[Key(upload)] = true;
                return UploadOutcome.Done;
            }

            if (claim.Attempt >= options.MaxAttempts)
            {
                await PoisonAsync(upload, claim, Describe(result.Exception), aborting);
                return UploadOutcome.Poisoned;
            }

            var delay = options.RetryDelay * Math.Pow(2, claim.Attempt - 1);
            LogWillRetry(logger, upload.Container, upload.BlobName, claim.Attempt, options.MaxAttempts, delay.TotalSeconds);
            await receipts.ReleaseForRetryAsync(claim, Describe(result.Exception), delay, CancellationToken.None);
            RetryScheduled?.Invoke(upload.Container, delay);
            return UploadOutcome.RetryPending;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The receipt could not be updated; the claim expires and another attempt follows.
            LogReceiptFailed(logger, ex, upload.Container, upload.BlobName);
            RetryScheduled?.Invoke(upload.Container, options.ClaimDuration);
            return UploadOutcome.ReceiptFailed;
        }
    }

    private async Task PoisonAsync(SubmissionUpload upload, BlobClaim claim, string error, CancellationToken aborting)
    {
        LogPoisoned(logger, upload.Container, upload.BlobName, claim.Attempt, error);
        await poisonHandler.HandleAsync(upload, claim.Attempt, error, aborting);
        await receipts.PoisonAsync(claim, error, CancellationToken.None);
        _finished[Key(upload)] = true;
    }

    private static string Describe(Exception? exception) =>
        SecretRedactor.Redact((exception?.InnerException ?? exception)?.Message ?? "the function failed without an exception");

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Container}/{BlobName}: another host took over the claim while this one worked; this one stopped without publishing")]
    private static partial void LogClaimLost(ILogger logger, string container, string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Container}/{BlobName} failed attempt {Attempt} of {MaxAttempts}; retrying in {DelaySeconds} s")]
    private static partial void LogWillRetry(ILogger logger, string container, string blobName, int attempt, int maxAttempts, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Container}/{BlobName} is poisoned after {Attempts} attempts: {Error}")]
    private static partial void LogPoisoned(ILogger logger, string container, string blobName, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the receipt of {Container}/{BlobName}; its claim will expire and it will be tried again")]
    private static partial void LogReceiptFailed(ILogger logger, Exception exception, string container, string blobName);
}
