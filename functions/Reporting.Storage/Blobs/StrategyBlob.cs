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

    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Blob.DownloadTextAsync(Encoding.UTF8, null, null, null, cancellationToken);
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
