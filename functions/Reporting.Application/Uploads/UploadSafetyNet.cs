using System.Collections.Concurrent;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Storage.Blobs;
using Reporting.Storage.Queues;
using Reporting.Storage.Tables;

namespace Reporting.Application.Uploads;

/// <summary>
/// Finds uploads that have no answer and puts a message for each on the events queue, so the Ingest function answers them:
/// what an Event Grid event missed in Azure, and every upload on Azurite, which sends no events. One listing per department
/// container, and one history query for a container only when it lists a version this instance has not seen answered.
/// The departments' uploads go on the queue in turn (one of each, then the next of each), so one department's thousand
/// files do not stand before everyone else's. What it remembers is bounded: the answered versions its last listing of
/// each container showed (an overwritten or deleted version is forgotten), and what it sent within
/// <see cref="SafetyNetOptions.ResendAfter"/>, each at most <see cref="SafetyNetOptions.MaxRemembered"/>.
/// </summary>
public sealed partial class UploadSafetyNet(
    SubmissionBlobs blobs,
    SubmissionHistoryTable history,
    SubmissionEventQueue queue,
    IOptions<SafetyNetOptions> options,
    TimeProvider clock,
    ILogger<UploadSafetyNet> logger)
{
    // Per container, the answered versions its last listing showed: an idle container costs one listing and nothing more.
    private readonly ConcurrentDictionary<string, HashSet<(string BlobName, string ETag)>> _answered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Department, string BlobName, string ETag), DateTimeOffset> _sent = new();

    /// <summary>How many answered upload versions this instance remembers now; never more than <see cref="SafetyNetOptions.MaxRemembered"/>.</summary>
    public int RememberedAnswered => _answered.Values.Sum(versions => versions.Count);

    /// <summary>How many uploads this instance remembers having sent lately; never more than <see cref="SafetyNetOptions.MaxRemembered"/>.</summary>
    public int RememberedSent => _sent.Count;

    /// <summary>Puts every unanswered upload on the queue; returns how many it put there.</summary>
    public async Task<int> EnqueueUnansweredAsync(CancellationToken cancellationToken)
    {
        ForgetOldSends();
        var waiting = new List<Queue<SubmissionUpload>>();
        foreach (var container in await blobs.ListContainersAsync(cancellationToken))
        {
            // One container that cannot be listed (on Azurite, a blob name with a control character fails the listing)
            // holds back only its own department: the others' uploads still go on the queue.
            try
            {
                if (await UnansweredAsync(container, cancellationToken) is { Count: > 0 } unanswered)
                {
                    waiting.Add(new Queue<SubmissionUpload>(unanswered));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogContainerFailed(logger, container, ex.Message);
            }
        }

        var sent = 0;
        var room = options.Value.MaxRemembered - _sent.Count;
        while (waiting.Count > 0)
        {
            foreach (var department in waiting)
            {
                var upload = department.Dequeue();
                await SendAsync(SafetyNetEvent.For(upload.Container, upload.BlobName, upload.ETag), cancellationToken);
                // Past the bound it is not remembered, and at worst is sent again by the next run: harmless, ingest is idempotent.
                if (room > 0 && _sent.TryAdd(Key(upload), clock.GetUtcNow()))
                {
                    room--;
                }

                LogEnqueued(logger, upload.Department, upload.BlobName);
                sent++;
            }

            waiting.RemoveAll(department => department.Count == 0);
        }

        return sent;
    }

    // The container's uploads without an answer that are due; remembers the answered ones it listed, as many as fit.
    private async Task<List<SubmissionUpload>> UnansweredAsync(string container, CancellationToken cancellationToken)
    {
        var known = _answered.GetValueOrDefault(container) ?? [];
        var answered = new HashSet<(string BlobName, string ETag)>();
        var fresh = new List<SubmissionUpload>();
        await foreach (var upload in blobs.ListUploadsAsync(container, cancellationToken))
        {
            if (known.Contains((upload.BlobName, upload.ETag)))
            {
                answered.Add((upload.BlobName, upload.ETag));
            }
            else
            {
                fresh.Add(upload);
            }
        }

        if (fresh.Count > 0)
        {
            var recorded = (await history.ListAsync(fresh[0].Department, cancellationToken)).Select(r => (r.BlobName, r.ETag)).ToHashSet();
            foreach (var upload in fresh.Where(u => recorded.Contains((u.BlobName, u.ETag))))
            {
                answered.Add((upload.BlobName, upload.ETag));
                _sent.TryRemove(Key(upload), out _);
            }

            fresh.RemoveAll(u => recorded.Contains((u.BlobName, u.ETag)));
        }

        Remember(container, answered);
        return fresh.Where(IsDue).ToList();
    }

    private void Remember(string container, HashSet<(string BlobName, string ETag)> answered)
    {
        var others = _answered.Where(c => c.Key != container).Sum(c => c.Value.Count);
        var room = Math.Max(0, options.Value.MaxRemembered - others);
        _answered[container] = answered.Count <= room ? answered : answered.Take(room).ToHashSet();
    }

    // A send older than ResendAfter no longer holds the upload back: nothing to remember it for.
    private void ForgetOldSends()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, at) in _sent)
        {
            if (now - at >= options.Value.ResendAfter)
            {
                _sent.TryRemove(key, out _);
            }
        }
    }

    private bool IsDue(SubmissionUpload upload)
    {
        var now = clock.GetUtcNow();
        // Zero skips the age check altogether: with Reporting:Now the clock may stand before the storage service's times.
        return (options.Value.MinimumAge <= TimeSpan.Zero || now - upload.ReceivedUtc >= options.Value.MinimumAge)
            && (!_sent.TryGetValue(Key(upload), out var at) || now - at >= options.Value.ResendAfter);
    }

    private async Task SendAsync(string message, CancellationToken cancellationToken)
    {
        try
        {
            await queue.SendAsync(message, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await queue.EnsureCreatedAsync(cancellationToken); // infra makes it in Azure; a fresh Azurite has none
            await queue.SendAsync(message, cancellationToken);
        }
    }

    private static (string, string, string) Key(SubmissionUpload upload) => (upload.Department, upload.BlobName, upload.ETag);

    [LoggerMessage(Level = LogLevel.Error, Message = "The safety net could not list {Container}; its uploads wait for the next run, the other departments' are enqueued: {Reason}")]
    private static partial void LogContainerFailed(ILogger logger, string container, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Department}/{BlobName} has no answer yet; put on the events queue by the safety net")]
    private static partial void LogEnqueued(ILogger logger, string department, string blobName);
}
