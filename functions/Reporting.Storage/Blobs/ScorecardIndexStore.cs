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
            index.Periods.Add(existing is null
                ? new IndexedPeriod(key, versions.Max(v => v.Version), stale, versions, staleKey)
                : existing with { LatestVersion = versions.Max(v => v.Version), Stale = stale, Versions = versions });
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

    /// <summary>
    /// Decides, once across every host, whether <paramref name="version"/> of <paramref name="period"/> is mailed now: yes
    /// when nothing was mailed for the period within <paramref name="interval"/> before <paramref name="now"/> (always for
    /// an interval of zero), and then recorded as the version mailed; no when a later version was mailed already; otherwise
    /// it is counted as held, and the answer says when the next mail may go.
    /// </summary>
    public async Task<MailClaim> ClaimMailAsync(Period period, int version, DateTimeOffset now, TimeSpan interval, CancellationToken cancellationToken)
    {
        var claim = new MailClaim(false, null);
        await ChangeAsync(index =>
        {
            var i = index.Periods.FindIndex(p => p.Period == period.ToString());
            if (i < 0 || index.Periods[i].MailedVersion >= version)
            {
                claim = new MailClaim(false, null);
                return false;
            }

            var entry = index.Periods[i];
            if (entry.MailedUtc is { } last && interval > TimeSpan.Zero && now < last + interval)
            {
                claim = new MailClaim(false, last + interval);
                index.Periods[i] = entry with { HeldUpdates = entry.HeldUpdates + 1 };
                return true;
            }

            claim = new MailClaim(true, null);
            index.Periods[i] = entry with { MailedVersion = version, MailedUtc = now, HeldUpdates = 0 };
            return true;
        }, cancellationToken);
        return claim;
    }

    /// <summary>The versions held since the last mail need none after all (the latest has the figures last mailed).</summary>
    public Task ClearHeldUpdatesAsync(Period period, CancellationToken cancellationToken) =>
        ChangeAsync(index =>
        {
            var i = index.Periods.FindIndex(p => p.Period == period.ToString());
            if (i < 0 || index.Periods[i].HeldUpdates == 0)
            {
                return false;
            }

            index.Periods[i] = index.Periods[i] with { HeldUpdates = 0 };
            return true;
        }, cancellationToken);

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
