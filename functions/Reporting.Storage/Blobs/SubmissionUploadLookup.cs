using Azure;
using Azure.Storage.Blobs.Models;

namespace Reporting.Storage.Blobs;

/// <summary>
/// One upload, looked up by name, as the scan would have listed it: what an upload event (which names a blob) is
/// turned into, so the pushed and the scanned upload reach the same handler as the same version.
/// </summary>
public sealed class SubmissionUploadLookup(ReportingStorageAccount account)
{
    /// <summary>The department whose submission container this is; null for any other container.</summary>
    public string? DepartmentOf(string containerName) => account.DepartmentOfContainer(containerName);

    /// <summary>
    /// An upload an event names but that cannot be looked up by its name (storage rewrites <c>..</c> and the like in a
    /// URL): enough, with the event's ETag, to answer it with the name's problem. Null outside a department's container.
    /// </summary>
    public SubmissionUpload? Unaddressable(string containerName, string blobName, string? etag) =>
        etag is { Length: > 0 } && account.DepartmentOfContainer(containerName) is { } department && !blobName.StartsWith(SubmissionBlobs.LegacyResultsFolder, StringComparison.Ordinal)
            ? new SubmissionUpload(containerName, department, blobName, $"\"{etag.Trim('"')}\"", 0)
            : null;

    /// <summary>
    /// The blob's current version, or null when it is gone or is not an upload. The blob's current version, not the
    /// event's: a newer upload overtakes an older event, and its own event then finds it already handled.
    /// </summary>
    public async Task<SubmissionUpload?> FindAsync(string containerName, string blobName, CancellationToken cancellationToken)
    {
        if (account.DepartmentOfContainer(containerName) is not { } department || blobName.StartsWith(SubmissionBlobs.LegacyResultsFolder, StringComparison.Ordinal))
        {
            return null; // not a department's container, or the reserved folder of old answers (the scan does not enter it either)
        }

        try
        {
            var properties = (await account.BlobService.GetBlobContainerClient(containerName).GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            return UploadOf(containerName, department, blobName, properties);
        }
        catch (RequestFailedException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>A looked-up blob as an upload, the same version the listing gives (<see cref="SubmissionBlobs.UploadOf"/>).</summary>
    internal static SubmissionUpload UploadOf(string containerName, string department, string blobName, BlobProperties properties) =>
        new(containerName, department, blobName, properties.ETag.Quoted(), properties.ContentLength,
            BlobVersionTime.ReceivedUtc(properties.LastModified, properties.VersionId), SubmissionBlobs.KindOf(properties.BlobType))
        {
            DeclaredReceivedUtc = SubmissionBlobs.DeclaredReceivedUtc(properties.Metadata),
        };
}
