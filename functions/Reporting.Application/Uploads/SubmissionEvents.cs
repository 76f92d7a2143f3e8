using Microsoft.Extensions.Logging;
using Reporting.Core.Submissions;
using Reporting.Storage.Blobs;
using Reporting.Storage.Queues;
using Reporting.Storage.Tables;

namespace Reporting.Application.Uploads;

/// <summary>
/// What the Ingest function does with one message from the events queue: Event Grid's <c>BlobCreated</c> events (Event Grid
/// or CloudEvents schema, Base64 or not), or the safety net's. Each upload the message names is ingested unless that version
/// was answered before, so the same event twice, an event and a safety-net message, or a redelivery after a crash store it
/// once. A message that is not an event, or names no department's upload, is logged with its reason and dropped: retrying it
/// could never help. A storage failure throws, and the platform retries the message (host.json <c>maxDequeueCount</c>).
/// A department with enough uploads in flight has its further events put back on the queue for later (<see cref="IngestFairness"/>).
/// </summary>
public sealed partial class SubmissionEvents(
    SubmissionUploadLookup lookup,
    SubmissionHistoryTable history,
    SubmissionBlobs blobs,
    SubmissionIngestion ingestion,
    IngestFairness fairness,
    ILogger<SubmissionEvents> logger)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, string), Lazy<Task>> _running = new();

    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var batch = BlobEventReader.Read(message);
        if (batch.Malformed is { } reason)
        {
            LogMalformed(logger, reason);
            return;
        }

        foreach (var created in batch.Created)
        {
            if (lookup.DepartmentOf(created.Container) is not { } department)
            {
                await IngestIfUnansweredAsync(created, cancellationToken); // not a department's upload: logged and dropped there
                continue;
            }

            // The department's turn is taken before anything is read: a flood's deferred events cost one listing and one send each.
            await using var slot = await fairness.TakeSlotOrDeferAsync(department, created, cancellationToken);
            if (slot is not null)
            {
                await IngestIfUnansweredAsync(created, cancellationToken);
            }
        }
    }

    private async Task IngestIfUnansweredAsync(BlobCreated created, CancellationToken cancellationToken)
    {
        if (await FindUnansweredAsync(created, cancellationToken) is { } upload)
        {
            await IngestOnceHereAsync(upload, cancellationToken);
        }
    }

    // Messages of one batch run side by side: a duplicate of a version already running here waits for that run instead
    // of running it again. (Across instances the history check above and idempotent writes keep a duplicate harmless.)
    private async Task IngestOnceHereAsync(SubmissionUpload upload, CancellationToken cancellationToken)
    {
        var key = (upload.Department, upload.BlobName, upload.ETag);
        var run = new Lazy<Task>(() => ingestion.IngestAsync(upload, cancellationToken));
        var running = _running.GetOrAdd(key, run);
        try
        {
            await running.Value;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The platform retries the message and, at the end, the Poison function answers the department with this
            // reference and nothing else: the cause is found in the log under it.
            LogAttemptFailed(logger, ex, upload.Department, upload.BlobName, FailureReference.Of(upload));
            throw;
        }
        finally
        {
            if (ReferenceEquals(running, run))
            {
                _running.TryRemove(key, out _);
            }
        }
    }

    /// <summary>The blob's current version if it is a department's upload with no answer yet; null (logged) otherwise.</summary>
    internal async Task<SubmissionUpload?> FindUnansweredAsync(BlobCreated created, CancellationToken cancellationToken)
    {
        // The blob's current version, not the event's: a newer upload overtakes an older event, and its own event then finds it answered.
        // A name that may not even address its blob once it passes through a URL ('..', '\\') is not looked up: the event's
        // ETag is enough to answer it with the name's problem, as IngestAsync does before reading anything.
        var upload = UploadName.ProblemWith(created.BlobName) is not null && lookup.Unaddressable(created.Container, created.BlobName, created.ETag) is { } unsafeName
            ? unsafeName
            : await lookup.FindAsync(created.Container, created.BlobName, cancellationToken);
        if (upload is null)
        {
            LogIgnored(logger, created.Container, created.BlobName);
            return null;
        }

        if (created.ETag is null || created.ETag.Trim('"') == upload.ETag.Trim('"'))
        {
            // The event's finer time and order belong to its own version only, never to a newer one found in its place.
            upload = upload with { EventTime = created.EventTime, Sequencer = created.Sequencer };
        }

        // Answered means the answer beside the upload is this version's: the history record is written just before it, so
        // a crash between the two leaves a record without an answer, and the message that comes back must finish the job.
        if (await history.FindAsync(upload.Department, upload.BlobName, upload.ETag, cancellationToken) is { } answered
            && await AnswersAsync(upload, cancellationToken))
        {
            LogAlreadyAnswered(logger, upload.Department, upload.BlobName, answered.Status.Word());
            return null;
        }

        return upload;
    }

    private async Task<bool> AnswersAsync(SubmissionUpload upload, CancellationToken cancellationToken)
    {
        if (await blobs.ReadResultJsonAsync(upload.Department, upload.BlobName, cancellationToken) is not { } json)
        {
            return false;
        }

        using var answer = System.Text.Json.JsonDocument.Parse(json);
        return answer.RootElement.TryGetProperty("etag", out var etag) && etag.GetString() == upload.ETag;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Department}/{BlobName} failed, reference {Reference}; the platform retries its event")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string department, string blobName, string reference);

    [LoggerMessage(Level = LogLevel.Error, Message = "An upload event cannot be read and was removed: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An upload event for {Container}/{BlobName} was removed: not a department's upload (another container, or the reserved results/ folder), or the blob is gone")]
    private static partial void LogIgnored(ILogger logger, string container, string blobName);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Department}/{BlobName}: this version was answered before ({Status}); the event changes nothing")]
    private static partial void LogAlreadyAnswered(ILogger logger, string department, string blobName, string status);
}
