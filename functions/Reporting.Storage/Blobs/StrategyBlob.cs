using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Reporting.Storage.Blobs;

/// <summary>The strategy in force, kept as <c>config/strategy.yaml</c> so every host instance scores against the same one.</summary>
public sealed class StrategyBlob(ReportingStorageAccount account)
{
    public const string BlobName = "strategy.yaml";

    private BlobContainerClient Container => account.BlobService.GetBlobContainerClient(account.Options.ConfigContainer);

    private BlobClient Blob => Container.GetBlobClient(BlobName);

    /// <summary>The current version's ETag, or null when there is no strategy; a cheap check before reading it again.</summary>
    public async Task<string?> ETagAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await Blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag.Quoted();
        }
        catch (RequestFailedException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>The YAML and the ETag of the version read, or null when there is no strategy.</summary>
    public async Task<(string Yaml, string ETag)?> ReadVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = (await Blob.DownloadContentAsync(cancellationToken)).Value;
            return (content.Content.ToString(), content.Details.ETag.Quoted());
        }
        catch (RequestFailedException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    public async Task WriteAsync(string yaml, CancellationToken cancellationToken)
    {
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Blob.UploadAsync(
            BinaryData.FromString(yaml),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/yaml" } },
            cancellationToken);
    }
}
