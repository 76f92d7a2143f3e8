namespace Reporting.Storage.Blobs;

/// <summary>
/// <c>scorecards/index.json</c>: every period rendered, its versions and whether it is stale (an accepted submission
/// arrived after its latest render, so the latest PDFs no longer show all figures).
/// </summary>
public sealed record ScorecardIndex(List<IndexedPeriod> Periods)
{
    public IndexedPeriod? Find(string period) => Periods.FirstOrDefault(p => p.Period == period);
}

/// <remarks><c>StaleKey</c>:The newest submission (its stamp key) that changed figures this period's scorecards read after they were rendered.</remarks>
public sealed record IndexedPeriod(string Period, int LatestVersion, bool Stale, List<IndexedVersion> Versions, string? StaleKey = null);

/// <remarks><c>Watermark</c>:The newest submission in force (its stamp key) among the months the render read: what it includes.</remarks>
public sealed record IndexedVersion(int Version, DateTimeOffset RenderedUtc, string StrategyVersion, string Trigger, List<string> Files, string? Watermark = null);
