using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;

namespace Reporting.Application;

/// <summary>
/// Checks one upload and, if it is accepted, makes its figures the stored figures for that department and period.
/// A rejected upload stores nothing. Every step is safe to repeat, so a retry after a crash gives the same result.
/// </summary>
public sealed partial class SubmissionIngestion(
    StrategySource strategies,
    SubmissionBlobs blobs,
    KpiFigureTable figures,
    SubmissionHistoryTable history,
    ScorecardIndexStore scorecardIndex,
    IOptions<SubmissionRules> rules,
    TimeProvider clock,
    ReceivedTimes receivedTimes,
    ILogger<SubmissionIngestion> logger,
    IEnumerable<ISubmissionAcceptedHandler>? acceptedHandlers = null) : IPoisonedUploadHandler
{
    public async Task IngestAsync(SubmissionUpload upload, CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var strategy = await strategies.GetAsync(cancellationToken);
        var department = strategy.FindDepartment(upload.Department);
        if (UploadName.ProblemWith(upload.BlobName) is { } nameProblem)
        {
            // Refused before reading: an unsafe name may not even address this blob once it passes through a URL.
            await AnswerAsync(upload, department, SubmissionResult.Rejected(SubmissionProblem.ForFile(nameProblem)), "", watch, cancellationToken);
            return;
        }

        if (upload.BlobName.Contains('/', StringComparison.Ordinal))
        {
            var folder = SubmissionProblem.ForFile("files in folders are not read as submissions (drafts and sources may live there); upload the month's file at the top of your container, for example 2026-09.csv");
            await AnswerAsync(upload, department, SubmissionResult.Rejected(folder), "", watch, cancellationToken);
            return;
        }

        if (upload.Kind != UploadKind.Block)
        {
            var kind = SubmissionProblem.ForFile($"this is an {upload.Kind.ToString().ToLowerInvariant()} blob; upload the file as an ordinary (block) blob, which every tool and the upload page do by default");
            await AnswerAsync(upload, department, SubmissionResult.Rejected(kind), "", watch, cancellationToken);
            return;
        }

        byte[] content;
        string checksum;
        try
        {
            (content, checksum) = await ReadBoundedAsync(upload, rules.Value.MaxBytes, cancellationToken);
        }
        catch (BlobVersionGoneException)
        {
            if (await blobs.CurrentETagAsync(upload, cancellationToken) is { } current && current != upload.ETag)
            {
                LogSuperseded(logger, upload.Department, upload.BlobName);
                return; // replaced by a newer version, which gets its own answer
            }

            var unreadable = SubmissionProblem.ForFile($"the file could not be read back under the name '{UploadName.Printable(upload.BlobName)}': it was deleted, or storage rewrites the name (avoid '..', '\\' and '%'); upload it again as, for example, 2026-10.csv");
            await AnswerAsync(upload, department, SubmissionResult.Rejected(unreadable), "", watch, cancellationToken);
            return;
        }

        SubmissionResult result;
        if (department is null)
        {
            result = SubmissionResult.Rejected(SubmissionProblem.ForFile(
                $"there is no department '{upload.Department}' in the strategy; ask an admin to add it or to check the container name"));
        }
        else
        {
            using var stream = new MemoryStream(content, writable: false);
            result = new SubmissionReader(rules.Value with { CurrentPeriod = clock.CurrentPeriod(strategy) }).Read(stream, department, upload.BlobName);
        }

        if (!result.IsAccepted)
        {
            await AnswerAsync(upload, department, result, checksum, watch, cancellationToken);
            LogRejected(logger, upload.Department, upload.BlobName, result.Problems.Count);
            return;
        }

        var period = result.Period!.Value;
        var stamp = StampOf(upload) with { IsCurrentVersion = await blobs.CurrentETagAsync(upload, cancellationToken) == upload.ETag };
        var swap = await figures.PublishAsync(upload.Department, period, stamp, result.Figures, BeforePutInForce is { } hook ? token => hook(upload, token) : null, cancellationToken);
        var inForce = await figures.InForceAsync(upload.Department, period, cancellationToken);
        if (await SameSecondNoteAsync(upload, period, stamp, inForce, cancellationToken) is { } tie)
        {
            result = result with { Notes = [.. result.Notes, tie] };
        }

        if (swap == FigureSwap.Superseded)
        {
            await AnswerAsync(upload, department, result, checksum, watch, cancellationToken, SubmissionStatus.Superseded, inForce?.BlobName);
            LogNewerInForce(logger, upload.Department, period.ToString(), upload.BlobName, inForce?.BlobName ?? "?");
            await RemoveSupersededAsync(inForce, cancellationToken);
            return;
        }

        await AnswerAsync(upload, department, result, checksum, watch, cancellationToken);
        LogAccepted(logger, upload.Department, period.ToString(), upload.BlobName, result.Figures.Count);
        await RemoveSupersededAsync(inForce, cancellationToken);
        await NotifyAcceptedAsync(upload.Department, period, cancellationToken);
        // Every rendered month that reads this one (year to date, trend, last month) is stale if the swap came after its render.
        if (swap == FigureSwap.InForce && inForce is not null)
        {
            foreach (var stale in await scorecardIndex.MarkStaleAsync(
                rendered => rendered >= period && ScorecardBuilder.FirstPeriodNeeded(strategy, rendered) <= period, KpiFigureTable.SwapMark(inForce), cancellationToken))
            {
                LogStale(logger, stale.ToString(), upload.Department);
            }
        }
    }

    /// <summary>
    /// Where the storage service gives whole seconds only (Azurite; Azure without versioning and without an event's time),
    /// two files of one month can arrive in the same second: the order between them is then a fixed rule, not their
    /// arrival, and the answer says so and names the file in force. Finer times (version ids, event times) never tie in practice.
    /// </summary>
    private async Task<string?> SameSecondNoteAsync(SubmissionUpload upload, Period period, SubmissionStamp stamp, FigurePointerEntity? inForce, CancellationToken cancellationToken)
    {
        if (inForce is null || stamp.ReceivedUtc.UtcTicks % TimeSpan.TicksPerSecond != 0)
        {
            return null;
        }

        var other = inForce.BlobName != upload.BlobName
            ? (inForce.ReceivedUtc == stamp.ReceivedUtc ? inForce.BlobName : null)
            : (await history.ListAsync(upload.Department, cancellationToken))
                .FirstOrDefault(r => r.Period == period.ToString() && r.BlobName != upload.BlobName && r.ReceivedUtc == stamp.ReceivedUtc)?.BlobName;
        return other is null
            ? null
            : $"'{UploadName.Printable(other)}' and this file arrived in the same second, and storage gives no finer time here, so which came first cannot be told; "
              + $"'{UploadName.Printable(inForce.BlobName)}' is in force. Upload the right one again to make it the newest";
    }

    // After the answer: rows no swap can put in force again are only clutter. A failure (logged) leaves them to the next publish.
    private async Task RemoveSupersededAsync(FigurePointerEntity? inForce, CancellationToken cancellationToken)
    {
        if (inForce is null)
        {
            return;
        }

        try
        {
            await figures.RemoveSupersededAsync(inForce, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRemovalFailed(logger, ex, inForce.Department, inForce.PartitionKey);
        }
    }

    // After the answer: the uploader never waits for these, and their failure (logged) never fails the upload.
    private async Task NotifyAcceptedAsync(string department, Period period, CancellationToken cancellationToken)
    {
        foreach (var handler in acceptedHandlers ?? [])
        {
            try
            {
                await handler.OnAcceptedAsync(department, period, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogHandlerFailed(logger, ex, handler.GetType().Name, department, period.ToString());
            }
        }
    }

    /// <summary>When the version counts as received (see <see cref="ReceivedTimes"/>): the same on every host and retry.</summary>
    private DateTimeOffset ReceivedUtc(SubmissionUpload upload) => receivedTimes.Of(upload);

    private SubmissionStamp StampOf(SubmissionUpload upload) => new(ReceivedUtc(upload), upload.BlobName, upload.ETag);

    /// <summary>
    /// For tests that force an interleaving: runs when an upload's rows are stored, just before they are put in force.
    /// Nothing sets it in the app; two instances ingesting at once are kept apart by the in-force pointer's ETag alone.
    /// </summary>
    internal Func<SubmissionUpload, CancellationToken, Task>? BeforePutInForce { get; set; }

    // The history record first, then the answer beside the upload: its JSON, written last, tells the uploader it is done.
    private async Task AnswerAsync(SubmissionUpload upload, Department? department, SubmissionResult result, string checksum, System.Diagnostics.Stopwatch watch, CancellationToken cancellationToken,
        SubmissionStatus? statusOverride = null, string? inForceInstead = null)
    {
        var status = statusOverride ?? (result.IsAccepted ? SubmissionStatus.Accepted : SubmissionStatus.Rejected);
        await RecordAsync(upload, status, result, checksum, cancellationToken, inForceInstead is null ? null : $"a newer upload is in force: {inForceInstead}");
        var (text, problemsCsv, json) = SubmissionReport.For(upload, department?.Name ?? upload.Department, status, result, inForceInstead, checksum, watch.ElapsedMilliseconds);
        await blobs.WriteResultAsync(upload, text, problemsCsv, json, cancellationToken);
    }

    /// <summary>
    /// The last attempt failed: tell the uploader and keep a history record. The upload itself stays where it is. The
    /// department reads a generic answer with a reference; what failed (an internal message, which may name storage,
    /// configuration or code) goes to the log only, under that reference.
    /// </summary>
    public async Task HandleAsync(SubmissionUpload upload, int attempts, string error, CancellationToken cancellationToken)
    {
        var reference = FailureReference.Of(upload);
        LogFailed(logger, upload.Department, upload.BlobName, attempts, reference, SecretRedactor.Redact(error));
        // attempts 0: the platform gave up on the upload's event (the poison queue), so no count of ours is known.
        var what = attempts > 0 ? $"processing failed {attempts} times" : "the upload could not be processed; the administrators were told";
        var message = $"{what} (reference {reference}); the reporting team can find the cause in the pipeline's log under that reference.";
        if (await history.FindAsync(upload.Department, upload.BlobName, upload.ETag, cancellationToken) is { Status: SubmissionStatus.Accepted or SubmissionStatus.Superseded } stored)
        {
            // The figures were stored (and, if accepted, are in force); only a later step failed. Never say "nothing was stored".
            LogFailedAfterStore(logger, upload.Department, upload.BlobName, stored.Status.Word(), reference);
            var (storedText, _, storedJson) = SubmissionReport.ForFailureAfterStore(upload, stored.Status, stored.Period, stored.FigureCount, message);
            await blobs.WriteResultAsync(upload, storedText, SpreadsheetCsv.Problems([]), storedJson, cancellationToken);
            return;
        }

        await RecordAsync(upload, SubmissionStatus.Poisoned, null, "", cancellationToken, message);
        var (text, problemsCsv, json) = SubmissionReport.For(upload, upload.Department, SubmissionStatus.Poisoned, null, message, "");
        await blobs.WriteResultAsync(upload, text, problemsCsv, json, cancellationToken);
    }

    private Task RecordAsync(SubmissionUpload upload, SubmissionStatus status, SubmissionResult? result, string checksum, CancellationToken cancellationToken, string? error = null) =>
        history.RecordAsync(new SubmissionRecord(
            upload.Department, upload.BlobName, upload.ETag, result?.Period?.ToString(), checksum, ReceivedUtc(upload), status,
            result?.IsAccepted == true ? result.Figures.Count : 0,
            result?.Problems.Count ?? 0,
            error ?? string.Join("\n", result?.Problems ?? [])), cancellationToken);

    // Reads at most one byte more than the limit, so an oversized upload is never loaded whole.
    private async Task<(byte[] Content, string Checksum)> ReadBoundedAsync(SubmissionUpload upload, long maxBytes, CancellationToken cancellationToken)
    {
        await using var source = await blobs.OpenReadAsync(upload, cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= maxBytes && (read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        var content = buffer.ToArray();
        return (content, Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Accepted {Department} {Period} from {BlobName}: {FigureCount} figures stored")]
    private static partial void LogAccepted(ILogger logger, string department, string period, string blobName, int figureCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Handler} failed after {Department} {Period} was accepted; the figures stay in force")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, string department, string period);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the superseded figures of {Department} {Period}; nobody reads them, and the next accepted upload for the month removes them")]
    private static partial void LogRemovalFailed(ILogger logger, Exception exception, string department, string period);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Department}/{BlobName} was replaced before it was read; the newer version is handled instead")]
    private static partial void LogSuperseded(ILogger logger, string department, string blobName);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Department} {Period}: {BlobName} was accepted but {InForce}, received later, stays in force")]
    private static partial void LogNewerInForce(ILogger logger, string department, string period, string blobName, string inForce);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Department}/{BlobName} failed after its figures were stored ({Status}); they stay as stored (reference {Reference})")]
    private static partial void LogFailedAfterStore(ILogger logger, string department, string blobName, string status, string reference);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Department}/{BlobName} failed {Attempts} times, reference {Reference} (the department's answer gives only the reference): {Error}")]
    private static partial void LogFailed(ILogger logger, string department, string blobName, int attempts, string reference, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "The scorecards of {Period} are stale: {Department} sent figures after they were rendered")]
    private static partial void LogStale(ILogger logger, string period, string department);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected {BlobName} from {Department}: {ProblemCount} problems; nothing stored")]
    private static partial void LogRejected(ILogger logger, string department, string blobName, int problemCount);
}
