using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reporting.Core.Submissions;

namespace Reporting.Storage.Blobs;

/// <summary>
/// The departments' uploads, in their submission containers (any folder level), and the pipeline's answer to each
/// upload under the same name in the department's answer container, which the department's link can read but not write.
/// </summary>
public sealed class SubmissionBlobs(ReportingStorageAccount account)
{
    /// <summary>
    /// Where answers lived inside the submission container before they moved to a container of their own. The scan
    /// still never enters it, so an account upgraded in place does not take its old answers for uploads; the folder is
    /// reserved, and docs/submission-format.md says so.
    /// </summary>
    public const string LegacyResultsFolder = "results/";
    /// <summary>
    /// The metadata entry in which an uploader may declare when a file was received (ISO 8601, UTC), for sample data
    /// uploaded long after the months it stands for; honoured only by a host told to trust it (see <see cref="SubmissionUpload.DeclaredReceivedUtc"/>).
    /// </summary>
    public const string DeclaredReceivedMetadata = "declaredreceivedutc";
    private const int PageSize = 500;

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
        var containers = account.FailFastBlobService.GetBlobContainersAsync(BlobContainerTraits.None, BlobContainerStates.None, account.Options.SubmissionContainerPrefix, cancellationToken);
        await foreach (var page in containers.AsPages(pageSizeHint: PageSize))
        {
            names.AddRange(page.Values.Select(c => c.Name).Where(n => account.DepartmentOfContainer(n) is not null));
        }

        return names;
    }

    /// <summary>
    /// The uploads in one department container, page by page. The listing goes one level at a time and never enters
    /// the reserved <c>results/</c> folder (see <see cref="LegacyResultsFolder"/>).
    /// </summary>
    public async IAsyncEnumerable<SubmissionUpload> ListUploadsAsync(string containerName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = account.FailFastBlobService.GetBlobContainerClient(containerName);
        var department = account.DepartmentOfContainer(containerName)!;
        var folders = new Queue<string>([""]);
        while (folders.TryDequeue(out var folder))
        {
            var level = container.GetBlobsByHierarchyAsync(BlobTraits.Metadata, BlobStates.None, "/", folder.Length == 0 ? null : folder, cancellationToken);
            await foreach (var page in level.AsPages(pageSizeHint: PageSize))
            {
                foreach (var item in page.Values)
                {
                    if (item.IsPrefix)
                    {
                        if (item.Prefix != LegacyResultsFolder)
                        {
                            folders.Enqueue(item.Prefix);
                        }
                    }
                    else
                    {
                        yield return UploadOf(containerName, department, item.Blob);
                    }
                }
            }
        }
    }

    // What follows is shared with SubmissionUploadLookup, so a listed and a looked-up upload are the same version alike.

    /// <summary>An upload's kind by its blob type (block when the listing does not say).</summary>
    internal static UploadKind KindOf(BlobType? type) => type switch { BlobType.Append => UploadKind.Append, BlobType.Page => UploadKind.Page, _ => UploadKind.Block };

    /// <summary>A listed blob as an upload: its version (ETag), length, kind, received time (<see cref="BlobVersionTime"/>) and declared time.</summary>
    internal static SubmissionUpload UploadOf(string containerName, string department, BlobItem blob) =>
        new(containerName, department, blob.Name, blob.Properties.ETag?.Quoted() ?? "", blob.Properties.ContentLength ?? 0,
            BlobVersionTime.ReceivedUtc(blob.Properties.LastModified ?? default, blob.VersionId), KindOf(blob.Properties.BlobType))
        {
            DeclaredReceivedUtc = DeclaredReceivedUtc(blob.Metadata),
        };

    /// <summary>The declared received time in the blob's metadata; a value that is not an instant is no declaration at all.</summary>
    internal static DateTimeOffset? DeclaredReceivedUtc(IDictionary<string, string>? metadata) =>
        metadata is not null
        && metadata.TryGetValue(DeclaredReceivedMetadata, out var text)
        && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var declared)
            ? declared
            : null;

    /// <summary>The blob's current ETag, or null when it no longer exists.</summary>
    public async Task<string?> CurrentETagAsync(SubmissionUpload upload, CancellationToken cancellationToken)
    {
        try
        {
            return (await BlobOf(upload).GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag.Quoted();
        }
        catch (RequestFailedException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>Opens exactly the listed version: if the blob changed since, <see cref="BlobVersionGoneException"/>.</summary>
    public async Task<Stream> OpenReadAsync(SubmissionUpload upload, CancellationToken cancellationToken)
    {
        try
        {
            var options = new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag(upload.ETag) } };
            return (await BlobOf(upload).DownloadStreamingAsync(options, cancellationToken)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.IsNotFound() || ex.IsConflict())
        {
            throw new BlobVersionGoneException(upload.Container, upload.BlobName, ex);
        }
    }

    /// <summary>
    /// Writes the answer under the upload's own name in the department's answer container: a short text and a problems
    /// sheet for people, JSON for tools. The JSON goes last: its presence means the whole answer is there.
    /// </summary>
    public async Task WriteResultAsync(SubmissionUpload upload, string text, byte[] problemsCsv, string json, CancellationToken cancellationToken)
    {
        var container = account.AnswerContainer(upload.Department);
        Task WriteTextAsync() => UploadAsync(container, ResultBlobName(upload.BlobName, ".txt"), Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", cancellationToken);
        try
        {
            await WriteTextAsync();
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            // A department whose container was made by hand, or before answers had their own: made once, here.
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await WriteTextAsync();
        }

        await UploadAsync(container, ResultBlobName(upload.BlobName, ".problems.csv"), problemsCsv, "text/csv; charset=utf-8", cancellationToken);
        await UploadAsync(container, ResultBlobName(upload.BlobName, ".json"), Encoding.UTF8.GetBytes(json), "application/json", cancellationToken);
    }

    public async Task<string?> ReadResultJsonAsync(string department, string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var blob = account.AnswerContainer(department).GetBlobClient(ResultBlobName(blobName, ".json"));
            return (await blob.DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        }
        catch (RequestFailedException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>Uploads a department's file, as the department itself would (used by the CLI and the demo); returns the new version's ETag.</summary>
    public Task<string> UploadAsync(string department, string blobName, Stream content, CancellationToken cancellationToken) =>
        UploadAsync(department, blobName, content, null, cancellationToken);

    /// <summary>
    /// Uploads a department's file; <paramref name="declaredReceivedUtc"/>, for sample data uploaded long after its month,
    /// is written as <see cref="DeclaredReceivedMetadata"/>. Returns the new version's ETag.
    /// </summary>
    public async Task<string> UploadAsync(string department, string blobName, Stream content, DateTimeOffset? declaredReceivedUtc, CancellationToken cancellationToken)
    {
        var container = account.SubmissionContainer(department);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var options = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(blobName) } };
        if (declaredReceivedUtc is { } declared)
        {
            options.Metadata = new Dictionary<string, string>
            {
                [DeclaredReceivedMetadata] = declared.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        return (await container.GetBlobClient(blobName).UploadAsync(content, options, cancellationToken)).Value.ETag.Quoted();
    }

    /// <summary>
    /// The answer's name in the answer container: the upload's own name plus <paramref name="extension"/>
    /// (<c>2026-10.csv</c> is answered by <c>2026-10.csv.json</c>, <c>.txt</c>, <c>.problems.csv</c>); an unsafe name (see
    /// <see cref="UploadName"/>) is answered under <c>unsafe-name-&lt;hash&gt;</c> so it cannot point anywhere else.
    /// </summary>
    public static string ResultBlobName(string uploadName, string extension) =>
        (UploadName.IsSafe(uploadName) ? uploadName : "unsafe-name-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(uploadName)))[..16].ToLowerInvariant()) + extension;

    /// <summary>What a department's file is, by its extension, so it opens right when downloaded (the pipeline itself reads the bytes).</summary>
    public static string ContentTypeOf(string blobName) => Path.GetExtension(blobName).ToLowerInvariant() switch
    {
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".txt" or ".tsv" => "text/plain",
        _ => "text/csv",
    };

    private BlobClient BlobOf(SubmissionUpload upload) => account.BlobService.GetBlobContainerClient(upload.Container).GetBlobClient(upload.BlobName);

    private static Task UploadAsync(BlobContainerClient container, string name, byte[] content, string contentType, CancellationToken cancellationToken) =>
        container.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } },
            cancellationToken);
}
