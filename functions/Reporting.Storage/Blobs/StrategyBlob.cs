using System.Net;
using System.Text;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;

namespace Reporting.Storage.Blobs;

/// <summary>The strategy in force, kept as <c>config/strategy.yaml</c> so every host instance scores against the same one.</summary>
public sealed class StrategyBlob(ReportingStorageAccount account)
{
    public const string BlobName = "strategy.yaml";

    private CloudBlockBlob Blob => account.Blobs.GetContainerReference(account.Options.ConfigContainer).GetBlockBlobReference(BlobName);

    /// <summary>The current version's ETag, or null when there is no strategy; a cheap check before reading it again.</summary>
    public async Task<string?> ETagAsync(CancellationToken cancellationToken)
    {
        var blob = Blob;
        try
        {
            await blob.FetchAttributesAsync(null, null, null, cancellationToken);
            return blob.Properties.ETag;
        }
        catch (StorageException ex) when (ex.RequestInformation?.HttpStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The YAML and the ETag of the version read, or null when there is no strategy.</summary>
    public async Task<(string Yaml, string ETag)?> ReadVersionAsync(CancellationToken cancellationToken)
    {
        var blob = Blob;
        try
        {
            var yaml = await blob.DownloadTextAsync(Encoding.UTF8, null, null, null, cancellationToken);
            return (yaml, blob.Properties.ETag);
        }
        catch (StorageException ex) when (ex.RequestInformation?.HttpStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task WriteAsync(string yaml, CancellationToken cancellationToken)
    {
        var blob = Blob;
        await blob.Container.CreateIfNotExistsAsync(BlobContainerPublicAccessType.Off, null, null, cancellationToken);
        blob.Properties.ContentType = "application/yaml";
        await blob.UploadTextAsync(yaml, Encoding.UTF8, null, null, null, cancellationToken);
    }
}
