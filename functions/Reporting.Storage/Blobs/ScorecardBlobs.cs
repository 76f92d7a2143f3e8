using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reporting.Core.Periods;

namespace Reporting.Storage.Blobs;

/// <summary>
/// The rendered scorecards. Each render is a new version, <c>scorecards/&lt;YYYY-MM&gt;/versions/&lt;NNN&gt;/</c>, kept for good;
/// the latest is also at <c>scorecards/&lt;YYYY-MM&gt;/leadership.pdf</c>, <c>&lt;department-id&gt;.pdf</c> and <c>scorecard.json</c>.
/// Every file is written by one block-blob upload, which becomes visible only when complete: never half-written.
/// </summary>
public sealed class ScorecardBlobs(ReportingStorageAccount account)
{
    private const string VersionsFolder = "versions/";
    private const string VersionMarker = ".version";

    private BlobContainerClient Container => account.BlobService.GetBlobContainerClient(account.Options.ScorecardContainer);

    /// <summary>
    /// Claims the period's next version number, before any of its files is written (<see cref="StoreAsync"/>, then
    /// <see cref="PromoteAsync"/>). A version whose run stops half-way keeps its number and the files it got; the index
    /// lists only complete versions, and the latest files never come from it.
    /// </summary>
    public async Task<int> StartVersionAsync(Period period, CancellationToken cancellationToken)
    {
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return await ClaimNextVersionAsync(period, cancellationToken);
    }

    /// <summary>Stores one file of a started version, in its folder only, read from its start.</summary>
    public Task StoreAsync(Period period, int version, ScorecardFile file, CancellationToken cancellationToken)
    {
        file.Content.Position = 0;
        return Container.GetBlobClient($"{VersionFolder(period, version)}{file.Name}").UploadAsync(file.Content, UploadOptions(file.ContentType), cancellationToken);
    }

    /// <summary>
    /// Makes a version's files the period's latest, once every one of them is stored: the storage service copies each
    /// from the version's folder over the latest (Copy Blob within the account, content type and all), a few at a time;
    /// no file passes through this process.
    /// </summary>
    public Task PromoteAsync(Period period, int version, IEnumerable<string> fileNames, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(fileNames, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (name, token) =>
        {
            var source = Container.GetBlobClient($"{VersionFolder(period, version)}{name}");
            var copy = await Container.GetBlobClient($"{period}/{name}").StartCopyFromUriAsync(source.Uri, cancellationToken: token);
            // A copy within one account usually finishes before the answer; otherwise its status is polled until it does.
            if (copy.GetRawResponse().Headers.TryGetValue("x-ms-copy-status", out var status) && status == "success")
            {
                return;
            }

            // The response, not the value: the value of a copy that failed or was aborted throws an unhelpful "not completed".
            var last = await copy.WaitForCompletionResponseAsync(token);
            if (!copy.HasValue)
            {
                var outcome = last.Headers.TryGetValue("x-ms-copy-status", out var final) ? final : "unknown";
                var reason = last.Headers.TryGetValue("x-ms-copy-status-description", out var description) ? $": {description}" : "";
                throw new IOException($"The storage service did not finish copying {source.Name} to the period's latest files ({outcome}{reason}); the version's own files are complete and the run can be repeated.");
            }
        });

    /// <summary>The names of the period's latest files.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(Period period, CancellationToken cancellationToken) =>
        (await ListNamesAsync($"{period}/", cancellationToken)).Where(n => !n.Contains('/', StringComparison.Ordinal)).ToList();

    /// <summary>The versions rendered for the period, oldest first.</summary>
    public async Task<IReadOnlyList<int>> ListVersionsAsync(Period period, CancellationToken cancellationToken) =>
        (await ListNamesAsync($"{period}/{VersionsFolder}", cancellationToken))
            .Where(n => n.EndsWith("/" + VersionMarker, StringComparison.Ordinal))
            .Select(n => int.Parse(n[..n.IndexOf('/', StringComparison.Ordinal)], CultureInfo.InvariantCulture))
            .Order()
            .ToList();

    public Task<byte[]> ReadAsync(Period period, string fileName, CancellationToken cancellationToken) =>
        DownloadAsync($"{period}/{fileName}", cancellationToken);

    public Task<byte[]> ReadVersionAsync(Period period, int version, string fileName, CancellationToken cancellationToken) =>
        DownloadAsync($"{VersionFolder(period, version)}{fileName}", cancellationToken);

    // Creating the version's marker only if it does not exist makes two simultaneous renders take different numbers.
    private async Task<int> ClaimNextVersionAsync(Period period, CancellationToken cancellationToken)
    {
        var version = (await ListVersionsAsync(period, cancellationToken)).DefaultIfEmpty(0).Max() + 1;
        while (true)
        {
            var marker = Container.GetBlobClient($"{VersionFolder(period, version)}{VersionMarker}");
            try
            {
                var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
                await marker.UploadAsync(BinaryData.FromString(version.ToString(CultureInfo.InvariantCulture)), options, cancellationToken);
                return version;
            }
            catch (RequestFailedException ex) when (ex.IsConflict())
            {
                version++;
            }
        }
    }

    internal static string VersionFolder(Period period, int version) => $"{period}/{VersionsFolder}{version:000}/";

    private static BlobUploadOptions UploadOptions(string contentType) =>
        new() { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };

    private async Task<byte[]> DownloadAsync(string name, CancellationToken cancellationToken) =>
        (await Container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToArray();

    // Names under the prefix, relative to it.
    private async Task<List<string>> ListNamesAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        if (!await Container.ExistsAsync(cancellationToken))
        {
            return names;
        }

        await foreach (var blob in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
        {
            names.Add(blob.Name[prefix.Length..]);
        }

        return names;
    }
}
