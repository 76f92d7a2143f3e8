using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace Reporting.Storage.Leases;

/// <summary>
/// One JSON status blob per timer, <c>timers/&lt;hostId&gt;/&lt;function&gt;/status.json</c> in the lock container, so a host
/// that starts (or takes a timer over) knows what ran last and whether it missed an occurrence. Writes are conditional on the ETag.
/// </summary>
public sealed class ScheduleStatusStore(ReportingStorageAccount account, IOptions<LeaseOptions> options)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static string BlobName(string hostId, string function) => $"timers/{hostId}/{function}/status.json";

    private BlobContainerClient Container => account.BlobService.GetBlobContainerClient(options.Value.LockContainer);

    /// <summary>The stored status, or null when the timer has never recorded one.</summary>
    public async Task<StoredScheduleStatus?> ReadAsync(string hostId, string function, CancellationToken cancellationToken)
    {
        try
        {
            BlobDownloadResult download = await Container.GetBlobClient(BlobName(hostId, function)).DownloadContentAsync(cancellationToken);
            var status = download.Content.ToObjectFromJson<ScheduleStatus>(Json)
                ?? throw new InvalidDataException($"{BlobName(hostId, function)} holds no status");
            return new StoredScheduleStatus(status, download.Details.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="status"/> if the blob still has <paramref name="expectedETag"/> (or, when that is null, does not exist yet);
    /// null when another writer got there first, so the caller reads again instead of overwriting what it has not seen.
    /// </summary>
    public async Task<StoredScheduleStatus?> TryWriteAsync(string hostId, string function, ScheduleStatus status, string? expectedETag, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlobClient(BlobName(hostId, function));
        var upload = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Conditions = expectedETag is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(expectedETag) },
        };
        var content = BinaryData.FromObjectAsJson(status, Json);
        try
        {
            return await UploadAsync(blob, content, upload, status, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && expectedETag is null)
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken); // the first status in a new container
            return await UploadAsync(blob, content, upload, status, cancellationToken);
        }
    }

    private static async Task<StoredScheduleStatus?> UploadAsync(BlobClient blob, BinaryData content, BlobUploadOptions upload, ScheduleStatus status, CancellationToken cancellationToken)
    {
        try
        {
            BlobContentInfo written = await blob.UploadAsync(content, upload, cancellationToken);
            return new StoredScheduleStatus(status, written.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return null;
        }
    }
}
