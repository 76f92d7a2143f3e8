using Microsoft.WindowsAzure.Storage.Blob;
using Reporting.Core.Periods;

namespace Reporting.Storage.Blobs;

/// <summary>
/// The rendered scorecards: <c>scorecards/&lt;YYYY-MM&gt;/leadership.pdf</c>, one PDF per department and scorecard.json.
/// Each file is one block-blob upload, which becomes visible only when complete: never half-written.
/// </summary>
public sealed class ScorecardBlobs(ReportingStorageAccount account)
{
    private CloudBlobContainer Container => account.Blobs.GetContainerReference(account.Options.ScorecardContainer);

    public async Task<string> WriteAsync(Period period, string fileName, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        await Container.CreateIfNotExistsAsync(BlobContainerPublicAccessType.Off, null, null, cancellationToken);
        var blob = Container.GetBlockBlobReference($"{period}/{fileName}");
        blob.Properties.ContentType = contentType;
        await blob.UploadFromByteArrayAsync(content, 0, content.Length, null, null, null, cancellationToken);
        return blob.Uri.ToString();
    }

    /// <summary>The names of a period's files, for copying them out.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(Period period, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        BlobContinuationToken? token = null;
        do
        {
            var page = await Container.ListBlobsSegmentedAsync($"{period}/", true, BlobListingDetails.None, 500, token, null, null, cancellationToken);
            names.AddRange(page.Results.OfType<CloudBlockBlob>().Select(b => b.Name[(period.ToString().Length + 1)..]));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return names;
    }

    public async Task<byte[]> ReadAsync(Period period, string fileName, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlockBlobReference($"{period}/{fileName}");
        using var buffer = new MemoryStream();
        await blob.DownloadToStreamAsync(buffer, null, null, null, cancellationToken);
        return buffer.ToArray();
    }
}
