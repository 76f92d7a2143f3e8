using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Reporting.Storage.Blobs;

/// <summary>
/// The department's upload page, its guide and the month's templates, kept in the department's answer container: the
/// department's read-only link reaches them there (and nothing else of anyone's), and the page, served from the same
/// blob endpoint as the uploads and answers, needs no CORS and no static website. The department cannot change them.
/// Everything lives under <c>.page/</c>: a folder name no upload can have (an upload name never starts with a dot, and
/// answers are named after uploads), so no answer can ever overwrite the page, its guide or a template.
/// </summary>
public sealed class DepartmentPageBlobs(ReportingStorageAccount account)
{
    /// <summary>Where the page, its guide and the templates are, in the answer container.</summary>
    public const string Folder = ".page/";

    /// <summary>The page's entry point; the department's link opens it (see <see cref="DepartmentGrant.PageUrl"/>).</summary>
    public const string PageIndex = Folder + "index.html";

    /// <summary>What the page reads first: department, month due, deadline, KPIs, template names.</summary>
    public const string GuideName = Folder + "guide.json";

    public const string TemplateFolder = Folder + "templates/";

    // Metadata on the guide: what it was built from (strategy version, month, page files), so a check can tell it is current.
    private const string StampKey = "pagestamp";

    /// <summary>The department's submission container, the only upload target its page accepts.</summary>
    public string UploadContainerName(string department) => account.SubmissionContainer(department).Name;

    /// <summary>The stamp the published guide was built with, or null when the department has none yet.</summary>
    public async Task<string?> StampAsync(string department, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await account.AnswerContainer(department).GetBlobClient(GuideName).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.Metadata.TryGetValue(StampKey, out var stamp) ? stamp : null;
        }
        catch (RequestFailedException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    /// <summary>
    /// Writes the files, the guide last (with <paramref name="stamp"/>): a page that finds the guide finds what it names.
    /// Templates of other months are removed, so the folder holds the current month's only.
    /// </summary>
    public async Task PublishAsync(string department, IReadOnlyList<PageFile> files, PageFile guide, string stamp, CancellationToken cancellationToken)
    {
        var container = account.AnswerContainer(department);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        foreach (var file in files)
        {
            await UploadAsync(container, file, null, cancellationToken);
        }

        await UploadAsync(container, guide, new Dictionary<string, string> { [StampKey] = stamp }, cancellationToken);
        var current = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        await foreach (var old in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, TemplateFolder, cancellationToken))
        {
            if (!current.Contains(old.Name))
            {
                await container.DeleteBlobIfExistsAsync(old.Name, cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>One published file's content and type, or null when it is not there (tests and checks).</summary>
    public async Task<(BinaryData Content, string ContentType)?> ReadAsync(string department, string name, CancellationToken cancellationToken)
    {
        try
        {
            var result = (await account.AnswerContainer(department).GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value;
            return (result.Content, result.Details.ContentType);
        }
        catch (RequestFailedException ex) when (ex.IsNotFound())
        {
            return null;
        }
    }

    // no-cache: the browser asks again each time (a conditional request), so a refreshed guide or page shows at once.
    private static Task UploadAsync(BlobContainerClient container, PageFile file, IDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        container.GetBlobClient(file.Name).UploadAsync(
            BinaryData.FromBytes(file.Content),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType, CacheControl = "no-cache" },
                Metadata = metadata,
            },
            cancellationToken);
}
