using Microsoft.Extensions.Logging;
using Reporting.Storage.Blobs;
using Reporting.Storage.Queues;

namespace Reporting.Functions.SubmissionBlobTrigger;

/// <summary>
/// Takes Event Grid's <c>BlobCreated</c> messages from the events queue and hands each upload they name to the same
/// <see cref="UploadDispatcher"/> the scan feeds. A message is hidden while it is worked on (<c>claimDuration</c>) and
/// deleted only when its uploads are handled for good; one whose upload waits for a retry or is held by another host comes
/// back then. A message that is not an event, or that came back <c>eventMaxDequeueCount</c> times, goes to the poison
/// queue unchanged, with a log line saying why: never dropped without a word.
/// </summary>
internal sealed partial class SubmissionEventPump(
    SubmissionEventQueue queue,
    SubmissionUploadLookup lookup,
    UploadDispatcher dispatcher,
    SubmissionBlobTriggerOptions options,
    ILogger<SubmissionEventPump> logger)
{
    public async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        var created = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!created)
                {
                    await queue.EnsureCreatedAsync(stopping); // once: every idle request costs (see docs/deploy.md)
                    created = true;
                }

                var messages = await queue.ReceiveAsync(Math.Max(1, options.MaxConcurrentUploads), options.ClaimDuration, stopping);
                failures = 0;
                if (messages.Count == 0)
                {
                    await Task.Delay(options.EventPollingInterval, stopping);
                    continue;
                }

                await Task.WhenAll(messages.Select(m => HandleAsync(m, stopping)));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                created &= failures < 3; // a queue deleted under the host is made again after a few failures
                var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5))));
                LogQueueFailed(logger, ex, queue.Name, failures, delay.TotalSeconds);
                await Task.Delay(delay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Handles one message to the end: deleted, returned for later, or set aside in the poison queue.</summary>
    internal async Task HandleAsync(QueuedEvent message, CancellationToken stopping)
    {
        try
        {
            var batch = BlobEventReader.Read(message.Text);
            if (batch.Malformed is { } reason)
            {
                LogMalformed(logger, message.MessageId, queue.PoisonName, reason);
                await queue.MoveToPoisonAsync(message, CancellationToken.None);
                return;
            }

            if (message.DequeueCount > options.EventMaxDequeueCount)
            {
                LogTooManyDequeues(logger, message.MessageId, message.DequeueCount, queue.PoisonName, Describe(batch));
                await queue.MoveToPoisonAsync(message, CancellationToken.None);
                return;
            }

            var later = TimeSpan.Zero;
            foreach (var created in batch.Created)
            {
                if (await HandleBlobAsync(created, stopping) is { } comeBack && comeBack > later)
                {
                    later = comeBack;
                }
            }

            if (later > TimeSpan.Zero)
            {
                await queue.ReturnLaterAsync(message, later, CancellationToken.None);
                LogComesBack(logger, message.MessageId, message.DequeueCount, later.TotalSeconds);
            }
            else
            {
                await queue.DeleteAsync(message, CancellationToken.None);
                LogDeleted(logger, message.MessageId, message.DequeueCount);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again when its timeout runs out, for this host or another.
        }
        catch (Exception ex)
        {
            // Storage trouble while handling: the message comes back after its visibility timeout and is tried again.
            LogMessageFailed(logger, ex, message.MessageId, message.DequeueCount);
        }
    }

    /// <summary>Runs the named upload through the dispatcher; returns when the message should come back, or null when done with it.</summary>
    private async Task<TimeSpan?> HandleBlobAsync(BlobCreated created, CancellationToken stopping)
    {
        if (await lookup.FindAsync(created.Container, created.BlobName, stopping) is not { } upload)
        {
            LogIgnored(logger, created.Container, created.BlobName);
            return null; // another service's container, the pipeline's own answer, or deleted since: nothing to answer
        }

        var dispatch = await dispatcher.DispatchAsync(upload, stopping);
        if (dispatch.Kind == UploadDispatchKind.Busy)
        {
            return options.ClaimDuration; // held by another host, or waiting for its retry: look again when that is over
        }

        if (dispatch.Run is not { } run)
        {
            return null;
        }

        // On a stop, stop waiting: the run finishes under the dispatcher, and the message, not deleted, comes back later.
        return await run.WaitAsync(stopping) switch
        {
            UploadOutcome.RetryPending => options.RetryDelay,
            UploadOutcome.ReceiptFailed or UploadOutcome.ClaimLost => options.ClaimDuration,
            UploadOutcome.Abandoned => TimeSpan.FromSeconds(1), // shutting down: soon visible to another host
            _ => null,
        };
    }

    private static string Describe(BlobEventBatch batch) =>
        batch.Created.Count == 0 ? "no blob" : string.Join(", ", batch.Created.Select(c => $"{c.Container}/{c.BlobName}"));

    [LoggerMessage(Level = LogLevel.Error, Message = "Upload event {MessageId} cannot be read and was moved to the queue {PoisonQueue}: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string messageId, string poisonQueue, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Upload event {MessageId} was taken {DequeueCount} times without being handled and was moved to the queue {PoisonQueue} ({Blobs}); the scan still answers the upload")]
    private static partial void LogTooManyDequeues(ILogger logger, string messageId, long dequeueCount, string poisonQueue, string blobs);

    // Debug: the round trip of a message (sent back, then deleted) for whoever follows one upload, and for the tests.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Upload event {MessageId} (taken {DequeueCount} times) comes back in {DelaySeconds} s: an upload it names waits for its retry or is held by another host")]
    private static partial void LogComesBack(ILogger logger, string messageId, long dequeueCount, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Upload event {MessageId} (taken {DequeueCount} times) handled and deleted")]
    private static partial void LogDeleted(ILogger logger, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Upload event for {Container}/{BlobName} ignored: not a department's upload, or gone")]
    private static partial void LogIgnored(ILogger logger, string container, string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload event {MessageId} could not be handled (taken {DequeueCount} times); it comes back after its visibility timeout")]
    private static partial void LogMessageFailed(ILogger logger, Exception exception, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the events queue {Queue} failed ({Failures} in a row); trying again in {DelaySeconds} s")]
    private static partial void LogQueueFailed(ILogger logger, Exception exception, string queue, int failures, double delaySeconds);
}
