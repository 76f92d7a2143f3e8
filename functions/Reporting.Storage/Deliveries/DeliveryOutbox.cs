using Azure.Storage.Blobs;
using Reporting.Storage.Blobs;

namespace Reporting.Storage.Deliveries;

/// <summary>
/// Messages waiting for a retry, as the Application layer serialised them (<c>&lt;outbox&gt;/&lt;period&gt;/&lt;row key&gt;.json</c>):
/// a retry sends exactly what the first attempt tried to send, even after the strategy or the scorecards changed.
/// </summary>
public sealed class DeliveryOutbox(ReportingStorageAccount account)
{
    private BlobContainerClient Container => account.BlobService.GetBlobContainerClient(account.Options.OutboxContainer);

    public async Task WriteAsync(string period, string rowKey, BinaryData message, CancellationToken cancellationToken)
    {
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Container.GetBlobClient(Name(period, rowKey)).UploadAsync(message, overwrite: true, cancellationToken);
    }

    /// <summary>The stored message, or null when there is none.</summary>
    public async Task<BinaryData?> ReadAsync(string period, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            return (await Container.GetBlobClient(Name(period, rowKey)).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (Azure.RequestFailedException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    public Task DeleteAsync(string period, string rowKey, CancellationToken cancellationToken) =>
        Container.GetBlobClient(Name(period, rowKey)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private static string Name(string period, string rowKey) => $"{period}/{rowKey}.json";
}
