using System.Globalization;
using Azure;
using Azure.Storage.Blobs.Models;

namespace Reporting.Storage.Blobs;

/// <summary>
/// One upload, looked up by name, as the scan would have listed it: what an upload event (which names a blob) is
/// turned into, so the pushed and the scanned upload reach the same handler as the same version.
/// </summary>
public sealed class SubmissionUploadLookup(ReportingStorageAccount account)
{
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
            var kind = properties.BlobType switch { BlobType.Append => UploadKind.Append, BlobType.Page => UploadKind.Page, _ => UploadKind.Block };
            return new SubmissionUpload(containerName, department, blobName, properties.ETag.Quoted(), properties.ContentLength, ReceivedUtc(properties), kind)
            {
                DeclaredReceivedUtc = DeclaredReceivedUtc(properties),
            };
        }
        catch (RequestFailedException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    // As the listing does (SubmissionBlobs): the version id is the service's time to 100 ns when versioning is on.
    private static DateTimeOffset ReceivedUtc(BlobProperties properties) =>
        properties.VersionId is { } version
        && DateTimeOffset.TryParse(version, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var precise)
        && Math.Abs((precise - properties.LastModified).TotalSeconds) < 1
            ? precise
            : properties.LastModified;

    // As the listing reads it: a value that is not an instant is no declaration at all.
    private static DateTimeOffset? DeclaredReceivedUtc(BlobProperties properties) =>
        properties.Metadata is { } metadata
        && metadata.TryGetValue(SubmissionBlobs.DeclaredReceivedMetadata, out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var declared)
            ? declared
            : null;
}
