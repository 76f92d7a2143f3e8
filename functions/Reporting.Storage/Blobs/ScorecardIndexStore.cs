using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Reporting.Core.Periods;

namespace Reporting.Storage.Blobs;

/// <summary>Reads and changes <c>scorecards/index.json</c>; every change is a compare-and-swap on the blob's ETag, retried on conflict.</summary>
public sealed class ScorecardIndexStore(ReportingStorageAccount account)
{
    public const string BlobName = "index.json";
    private const int MaxConflicts = 20;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private BlobClient Blob => account.BlobService.GetBlobContainerClient(account.Options.ScorecardContainer).GetBlobClient(BlobName);

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
            // Still stale if a submission newer than what this render read arrived meanwhile (during the render included).
            var staleKey = existing?.StaleKey;
            var stale = staleKey is not null && string.CompareOrdinal(staleKey, version.Watermark ?? "") > 0;
            index.Periods.Add(new IndexedPeriod(key, versions.Max(v => v.Version), stale, versions, staleKey));
            index.Periods.Sort((a, b) => string.CompareOrdinal(a.Period, b.Period));
            return true;
        }, cancellationToken);

    /// <summary>
    /// Marks stale every rendered period whose scorecards read the changed month (<paramref name="reads"/>), because the
    /// swap <paramref name="submissionKey"/> (KpiFigureTable.SwapMark) is not older than what their render read; returns
    /// the periods marked, in one write. A swap with the very time a render read is the one it read.
    /// </summary>
    public async Task<IReadOnlyList<Period>> MarkStaleAsync(Func<Period, bool> reads, string submissionKey, CancellationToken cancellationToken)
    {
        var marked = new List<Period>();
        await ChangeAsync(index =>
        {
            marked.Clear();
            for (var i = 0; i < index.Periods.Count; i++)
            {
                var entry = index.Periods[i];
                var rendered = entry.Versions.Select(v => v.Watermark ?? "").DefaultIfEmpty("").Max(StringComparer.Ordinal)!;
                if (reads(Period.Parse(entry.Period)) && string.CompareOrdinal(submissionKey, rendered) > 0
                    && (entry.StaleKey is null || string.CompareOrdinal(submissionKey, entry.StaleKey) > 0))
                {
                    index.Periods[i] = entry with { Stale = true, StaleKey = submissionKey };
                    marked.Add(Period.Parse(entry.Period));
                }
            }

            return marked.Count > 0;
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

            var conditions = etag is { } known ? new BlobRequestConditions { IfMatch = known } : new BlobRequestConditions { IfNoneMatch = ETag.All };
            try
            {
                await Blob.UploadAsync(
                    BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(index, Json)),
                    new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                    cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.IsConflict())
            {
                // someone else changed the index since we read it: read again and reapply
            }
        }

        throw new InvalidOperationException($"scorecards/{BlobName} kept changing under us; gave up after {MaxConflicts} attempts");
    }

    private async Task<(ScorecardIndex Index, ETag? ETag)> ReadWithETagAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = (await Blob.DownloadContentAsync(cancellationToken)).Value;
            return (content.Content.ToObjectFromJson<ScorecardIndex>(Json) ?? new ScorecardIndex([]), content.Details.ETag);
        }
        catch (RequestFailedException ex) when (ex.IsNotFound())
        {
            return (new ScorecardIndex([]), null);
        }
    }
}
