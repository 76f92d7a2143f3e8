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
/// </summary>
public sealed partial class UploadSafetyNet(
    SubmissionBlobs blobs,
    SubmissionHistoryTable history,
    SubmissionEventQueue queue,
    IOptions<SafetyNetOptions> options,
    TimeProvider clock,
    ILogger<UploadSafetyNet> logger)
{
    // Answered versions stay answered: remembered, so an idle container costs one listing and nothing more.
    private readonly ConcurrentDictionary<(string Department, string BlobName, string ETag), bool> _answered = new();
    private readonly ConcurrentDictionary<(string Department, string BlobName, string ETag), DateTimeOffset> _sent = new();

    /// <summary>Puts every unanswered upload on the queue; returns how many it put there.</summary>
    public async Task<int> EnqueueUnansweredAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var container in await blobs.ListContainersAsync(cancellationToken))
        {
            var fresh = new List<SubmissionUpload>();
            await foreach (var upload in blobs.ListUploadsAsync(container, cancellationToken))
            {
                if (!_answered.ContainsKey(Key(upload)))
                {
                    fresh.Add(upload);
                }
            }

            if (fresh.Count == 0)
            {
                continue;
            }

            foreach (var record in await history.ListAsync(fresh[0].Department, cancellationToken))
            {
                _answered[(record.Department, record.BlobName, record.ETag)] = true;
            }

            foreach (var upload in fresh.Where(u => !_answered.ContainsKey(Key(u)) && IsDue(u)))
            {
                await SendAsync(SafetyNetEvent.For(upload.Container, upload.BlobName, upload.ETag), cancellationToken);
                _sent[Key(upload)] = clock.GetUtcNow();
                LogEnqueued(logger, upload.Department, upload.BlobName);
                sent++;
            }
        }

        return sent;
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

    [LoggerMessage(Level = LogLevel.Information, Message = "{Department}/{BlobName} has no answer yet; put on the events queue by the safety net")]
    private static partial void LogEnqueued(ILogger logger, string department, string blobName);
}
