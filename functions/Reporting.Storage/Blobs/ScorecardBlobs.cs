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

    /// <summary>Stores the files as the period's next version and as its latest files; returns the version number.</summary>
    public async Task<int> PublishAsync(Period period, IReadOnlyList<ScorecardFile> files, CancellationToken cancellationToken)
    {
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var version = await ClaimNextVersionAsync(period, cancellationToken);
        foreach (var file in files)
        {
            await UploadAsync($"{VersionFolder(period, version)}{file.Name}", file, cancellationToken);
        }

        foreach (var file in files)
        {
            await UploadAsync($"{period}/{file.Name}", file, cancellationToken);
        }

        return version;
    }

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

    private Task UploadAsync(string name, ScorecardFile file, CancellationToken cancellationToken) =>
        Container.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(file.Content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType } },
            cancellationToken);

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
