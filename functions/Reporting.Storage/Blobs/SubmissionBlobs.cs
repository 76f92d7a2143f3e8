using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Reporting.Core.Submissions;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;
using Microsoft.WindowsAzure.Storage.RetryPolicies;

namespace Reporting.Storage.Blobs;

/// <summary>
/// The departments' submission containers: uploads at the top level, and the pipeline's answer to each upload
/// under <c>results/</c> beside it, in the same container so the department's credential can read it.
/// </summary>
public sealed class SubmissionBlobs(ReportingStorageAccount account)
{
    public const string ResultsFolder = "results/";
    private const int PageSize = 500;

    // Listing repeats every polling interval anyway: fail fast instead of retrying for many seconds.
    private static readonly BlobRequestOptions ListingOptions = new()
    {
        RetryPolicy = new LinearRetry(TimeSpan.FromMilliseconds(200), 1),
        MaximumExecutionTime = TimeSpan.FromSeconds(20),
    };

    /// <summary>Every upload in every department container, read page by page with continuation tokens.</summary>
    public async IAsyncEnumerable<SubmissionUpload> ListUploadsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var container in await ListContainersAsync(cancellationToken))
        {
            await foreach (var upload in ListUploadsAsync(container, cancellationToken))
            {
                yield return upload;
            }
        }
    }

    /// <summary>The departments' submission containers.</summary>
    public async Task<IReadOnlyList<string>> ListContainersAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        BlobContinuationToken? token = null;
        do
        {
            var page = await account.Blobs.ListContainersSegmentedAsync(
                account.Options.SubmissionContainerPrefix, ContainerListingDetails.None, PageSize, token, ListingOptions, null, cancellationToken);
            names.AddRange(page.Results.Select(c => c.Name).Where(n => account.DepartmentOfContainer(n) is not null));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return names;
    }

    /// <summary>The uploads in one department container (not its results/), page by page.</summary>
    public async IAsyncEnumerable<SubmissionUpload> ListUploadsAsync(string containerName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = account.Blobs.GetContainerReference(containerName);
        var department = account.DepartmentOfContainer(containerName)!;
        BlobContinuationToken? token = null;
        do
        {
            var page = await container.ListBlobsSegmentedAsync(null, true, BlobListingDetails.None, PageSize, token, ListingOptions, null, cancellationToken);
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

    /// <summary>The blob's current ETag, or null when it no longer exists.</summary>
    public async Task<string?> CurrentETagAsync(SubmissionUpload upload, CancellationToken cancellationToken)
    {
        var blob = account.Blobs.GetContainerReference(upload.Container).GetBlockBlobReference(upload.BlobName);
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

    /// <summary>
    /// Where the answer to an upload goes: <c>results/&lt;name&gt;&lt;extension&gt;</c>; an unsafe name (see
    /// <see cref="UploadName"/>) is answered under <c>results/unsafe-name-&lt;hash&gt;</c> so it cannot point anywhere else.
    /// </summary>
    public static string ResultBlobName(string uploadName, string extension) =>
        ResultsFolder + (UploadName.IsSafe(uploadName) ? uploadName : "unsafe-name-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(uploadName)))[..16].ToLowerInvariant()) + extension;

    private static Task UploadAsync(CloudBlockBlob blob, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        blob.Properties.ContentType = contentType;
        return blob.UploadFromByteArrayAsync(content, 0, content.Length, null, null, null, cancellationToken);
    }
}
