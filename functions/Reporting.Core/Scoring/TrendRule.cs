using Reporting.Core.Strategy;

namespace Reporting.Core.Scoring;

/// <summary>
/// The trend over the last six months with figures: the least-squares slope per month, relative to the mean,
/// read in the KPI's direction. Under 1% a month either way is steady; fewer than three figures is unknown.
/// </summary>
public static class TrendRule
{
    private const int Window = 6;
    private const double SteadyBand = 0.01;

    public static Trend Of(KpiDefinition kpi, IReadOnlyList<double?> history, Target? target)
    {
        var points = history.Select((v, i) => (X: (double)i, Y: v)).Where(p => p.Y.HasValue).TakeLast(Window).Select(p => (p.X, Y: p.Y!.Value)).ToList();
        if (points.Count < 3 || kpi.IsMilestone)
        {
            return Trend.Unknown;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var slope = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var scale = Math.Abs(meanY) > 1e-9 ? Math.Abs(meanY) : 1;
        var relative = slope / scale;
        var better = kpi.Direction switch
        {
            Direction.LowerIsBetter => -relative,
            Direction.WithinRange when target is { IsRange: true } => meanY < target.Min ? relative : meanY > target.Max ? -relative : 0,
            _ => relative,
        };
        return better > SteadyBand ? Trend.Improving : better < -SteadyBand ? Trend.Worsening : Trend.Steady;
    }
}
