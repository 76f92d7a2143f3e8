namespace Reporting.Storage.Blobs;

/// <summary>
/// <c>scorecards/index.json</c>: every period rendered, its versions and whether it is stale (an accepted submission
/// arrived after its latest render, so the latest PDFs no longer show all figures).
/// </summary>
public sealed record ScorecardIndex(List<IndexedPeriod> Periods)
{
    public IndexedPeriod? Find(string period) => Periods.FirstOrDefault(p => p.Period == period);
}

/// <remarks>
/// <c>StaleKey</c>: the newest submission (its stamp key) that changed figures this period's scorecards read after they
/// were rendered. <c>MailedVersion</c> and <c>MailedUtc</c>: the version last mailed and when (the first scorecard, or an
/// update); <c>HeldUpdates</c>: how many versions since then were not mailed because an update had gone out too lately.
/// </remarks>
public sealed record IndexedPeriod(
    string Period, int LatestVersion, bool Stale, List<IndexedVersion> Versions, string? StaleKey = null,
    int? MailedVersion = null, DateTimeOffset? MailedUtc = null, int HeldUpdates = 0)
{
    /// <summary>When the latest version was rendered (null before the first).</summary>
    public DateTimeOffset? LatestRenderedUtc => Versions.Count == 0 ? null : Versions.Max(v => v.RenderedUtc);
}

/// <remarks><c>Watermark</c>:The newest submission in force (its stamp key) among the months the render read: what it includes.</remarks>
public sealed record IndexedVersion(int Version, DateTimeOffset RenderedUtc, string StrategyVersion, string Trigger, List<string> Files, string? Watermark = null);
