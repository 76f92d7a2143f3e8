using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;
using Reporting.Core.Periods;

namespace Reporting.Storage.Blobs;

/// <summary>Reads and changes <c>scorecards/index.json</c>; every change is a compare-and-swap on the blob's ETag, retried on conflict.</summary>
public sealed class ScorecardIndexStore(ReportingStorageAccount account)
{
    public const string BlobName = "index.json";
    private const int MaxConflicts = 20;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    // A new reference each time: a blob reference carries the properties (ETag) of its last request.
    private CloudBlockBlob Blob => account.Blobs.GetContainerReference(account.Options.ScorecardContainer).GetBlockBlobReference(BlobName);

    public async Task<ScorecardIndex> ReadAsync(CancellationToken cancellationToken) => (await ReadWithETagAsync(cancellationToken)).Index;

    public Task RecordVersionAsync(Period period, IndexedVersion version, CancellationToken cancellationToken) =>
        ChangeAsync(index =>
        {
            var key = period.ToString();
            var existing = index.Find(key);
            var versions = existing?.Versions ?? [];
            versions.RemoveAll(v => v.Version == version.Version);
            versions.Add(version);
            versions.Sort((a, b) => a.Version.CompareTo(b.Version));
            index.Periods.RemoveAll(p => p.Period == key);
            index.Periods.Add(new IndexedPeriod(key, versions.Max(v => v.Version), false, versions));
            index.Periods.Sort((a, b) => string.CompareOrdinal(a.Period, b.Period));
            return true;
        }, cancellationToken);

    /// <summary>Marks a rendered period stale; returns false (and changes nothing) when it was never rendered.</summary>
    public async Task<bool> MarkStaleAsync(Period period, CancellationToken cancellationToken)
    {
        var marked = false;
        await ChangeAsync(index =>
        {
            var entry = index.Find(period.ToString());
            if (entry is null || entry.Stale)
            {
                marked = entry is not null;
                return false;
            }

            index.Periods[index.Periods.IndexOf(entry)] = entry with { Stale = true };
            marked = true;
            return true;
        }, cancellationToken);
        return marked;
    }

    public async Task<IReadOnlyList<Period>> ListStaleAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken)).Periods.Where(p => p.Stale).Select(p => Period.Parse(p.Period)).ToList();

    private async Task ChangeAsync(Func<ScorecardIndex, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxConflicts; attempt++)
        {
            var (index, etag) = await ReadWithETagAsync(cancellationToken);
            if (!change(index))
            {
                return;
            }

            var condition = etag is null ? AccessCondition.GenerateIfNotExistsCondition() : AccessCondition.GenerateIfMatchCondition(etag);
            try
            {
                var blob = Blob;
                blob.Properties.ContentType = "application/json";
                await blob.UploadTextAsync(JsonSerializer.Serialize(index, Json), Encoding.UTF8, condition, null, null, cancellationToken);
                return;
            }
            catch (StorageException ex) when (ex.RequestInformation?.HttpStatusCode is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
            {
                // someone else changed the index since we read it: read again and reapply
            }
        }

        throw new InvalidOperationException($"scorecards/{BlobName} kept changing under us; gave up after {MaxConflicts} attempts");
    }

    private async Task<(ScorecardIndex Index, string? ETag)> ReadWithETagAsync(CancellationToken cancellationToken)
    {
        var blob = Blob;
        try
        {
            var text = await blob.DownloadTextAsync(Encoding.UTF8, null, null, null, cancellationToken);
            return (JsonSerializer.Deserialize<ScorecardIndex>(text, Json) ?? new ScorecardIndex([]), blob.Properties.ETag);
        }
        catch (StorageException ex) when (ex.RequestInformation?.HttpStatusCode == (int)HttpStatusCode.NotFound)
        {
            return (new ScorecardIndex([]), null);
        }
    }
}
