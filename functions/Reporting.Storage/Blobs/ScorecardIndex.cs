namespace Reporting.Storage.Blobs;

/// <summary>
/// <c>scorecards/index.json</c>: every period rendered, its versions and whether it is stale (an accepted submission
/// arrived after its latest render, so the latest PDFs no longer show all figures).
/// </summary>
public sealed record ScorecardIndex(List<IndexedPeriod> Periods)
{
    public IndexedPeriod? Find(string period) => Periods.FirstOrDefault(p => p.Period == period);
}

public sealed record IndexedPeriod(string Period, int LatestVersion, bool Stale, List<IndexedVersion> Versions);

public sealed record IndexedVersion(int Version, DateTimeOffset RenderedUtc, string StrategyVersion, string Trigger, List<string> Files);
