using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;

namespace Reporting.Storage.Blobs;

/// <summary>
/// The departments' submission containers: uploads at the top level, and the pipeline's answer to each upload
/// under <c>results/</c> beside it, in the same container so the department's credential can read it.
/// </summary>
public sealed class SubmissionBlobs(ReportingStorageAccount account)
{
    public const string ResultsFolder = "results/";
    private const int PageSize = 500;

    /// <summary>Every upload in every department container, read page by page with continuation tokens.</summary>
    public async IAsyncEnumerable<SubmissionUpload> ListUploadsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlobContinuationToken? containerToken = null;
        do
        {
            var containers = await account.Blobs.ListContainersSegmentedAsync(
                account.Options.SubmissionContainerPrefix, ContainerListingDetails.None, PageSize, containerToken, null, null, cancellationToken);
            foreach (var container in containers.Results)
            {
                var department = account.DepartmentOfContainer(container.Name);
                if (department is null)
                {
                    continue;
                }

                await foreach (var upload in ListContainerAsync(container, department, cancellationToken))
                {
                    yield return upload;
                }
            }

            containerToken = containers.ContinuationToken;
        }
        while (containerToken is not null);
    }

    /// <summary>Opens exactly the listed version: if the blob changed since, <see cref="BlobVersionGoneException"/>.</summary>
    public async Task<Stream> OpenReadAsync(SubmissionUpload upload, CancellationToken cancellationToken)
    {
        var blob = account.Blobs.GetContainerReference(upload.Container).GetBlockBlobReference(upload.BlobName);
        try
        {
            return await blob.OpenReadAsync(AccessCondition.GenerateIfMatchCondition(upload.ETag), null, null, cancellationToken);
        }
        catch (StorageException ex) when (ex.RequestInformation?.HttpStatusCode is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            throw new BlobVersionGoneException(upload.Container, upload.BlobName, ex);
        }
    }

    /// <summary>
    /// Writes the answer beside the upload: a short text and a problems sheet for people, JSON for tools.
    /// The JSON goes last: its presence means the whole answer is there.
    /// </summary>
    public async Task WriteResultAsync(SubmissionUpload upload, string text, byte[] problemsCsv, string json, CancellationToken cancellationToken)
    {
        var container = account.Blobs.GetContainerReference(upload.Container);
        await UploadAsync(container.GetBlockBlobReference(ResultBlobName(upload.BlobName, ".txt")), Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", cancellationToken);
        await UploadAsync(container.GetBlockBlobReference(ResultBlobName(upload.BlobName, ".problems.csv")), problemsCsv, "text/csv; charset=utf-8", cancellationToken);
        await UploadAsync(container.GetBlockBlobReference(ResultBlobName(upload.BlobName, ".json")), Encoding.UTF8.GetBytes(json), "application/json", cancellationToken);
    }

    public async Task<string?> ReadResultJsonAsync(string department, string blobName, CancellationToken cancellationToken)
    {
        var blob = account.SubmissionContainer(department).GetBlockBlobReference(ResultBlobName(blobName, ".json"));
        try
        {
            return await blob.DownloadTextAsync(Encoding.UTF8, null, null, null, cancellationToken);
        }
        catch (StorageException ex) when (ex.RequestInformation?.HttpStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Uploads a department's file, as the department itself would (used by the CLI and the demo); returns the new version's ETag.</summary>
    public async Task<string> UploadAsync(string department, string blobName, Stream content, CancellationToken cancellationToken)
    {
        var container = account.SubmissionContainer(department);
        await container.CreateIfNotExistsAsync(BlobContainerPublicAccessType.Off, null, null, cancellationToken);
        var blob = container.GetBlockBlobReference(blobName);
        blob.Properties.ContentType = "text/csv";
        await blob.UploadFromStreamAsync(content, null, null, null, cancellationToken);
        return blob.Properties.ETag;
    }

    public static string ResultBlobName(string uploadName, string extension) => ResultsFolder + uploadName + extension;

    private static async IAsyncEnumerable<SubmissionUpload> ListContainerAsync(
        CloudBlobContainer container, string department, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlobContinuationToken? token = null;
        do
        {
            var page = await container.ListBlobsSegmentedAsync(null, true, BlobListingDetails.None, PageSize, token, null, null, cancellationToken);
            foreach (var blob in page.Results.OfType<CloudBlockBlob>())
            {
                if (!blob.Name.StartsWith(ResultsFolder, StringComparison.Ordinal))
                {
                    yield return new SubmissionUpload(container.Name, department, blob.Name, blob.Properties.ETag, blob.Properties.Length);
                }
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    private static Task UploadAsync(CloudBlockBlob blob, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        blob.Properties.ContentType = contentType;
        return blob.UploadFromByteArrayAsync(content, 0, content.Length, null, null, null, cancellationToken);
    }
}
