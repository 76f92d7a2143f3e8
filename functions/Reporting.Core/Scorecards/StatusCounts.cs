using Reporting.Core.Scoring;

namespace Reporting.Core.Scorecards;

/// <summary>How many KPIs are in each status; the share on track counts green among all KPIs.</summary>
public sealed record StatusCounts(int Green, int Amber, int Red, int Missing)
{
    public int Total => Green + Amber + Red + Missing;

    public double ShareOnTrack => Total == 0 ? 0 : (double)Green / Total;

    public static StatusCounts Of(IEnumerable<KpiStatus> statuses)
    {
        var list = statuses.ToList();
        return new StatusCounts(
            list.Count(s => s == KpiStatus.Green),
            list.Count(s => s == KpiStatus.Amber),
            list.Count(s => s == KpiStatus.Red),
            list.Count(s => s == KpiStatus.Missing));
    }
}
