using Reporting.Core.Strategy;

namespace Reporting.Core.Scoring;

/// <summary>
/// The trend: the least-squares slope of the KPI's <see cref="Goodness"/> over the last six months with figures, per month
/// and relative to their mean size; under 1% a month either way is steady. It must agree with the change on last month:
/// when the six months say better and this month is worse (or the reverse) the trend is <see cref="Trend.Mixed"/>.
/// No figure this month, fewer than three figures, or a milestone: unknown.
/// </summary>
public static class TrendRule
{
    private const int Window = 6;

    /// <param name="kpi">The KPI, for its direction.</param>
    /// <param name="history">Twelve months ending with the scored one.</param>
    /// <param name="target">The target in force this month (a range KPI's band).</param>
    public static Trend Of(KpiDefinition kpi, IReadOnlyList<double?> history, Target? target)
    {
        if (kpi.IsMilestone || history.Count == 0 || history[^1] is null)
        {
            return Trend.Unknown;
        }

        var points = history.Select((v, i) => (X: (double)i, Y: v)).Skip(Math.Max(0, history.Count - Window))
            .Where(p => p.Y.HasValue).Select(p => (p.X, Value: p.Y!.Value)).ToList();
        if (points.Count < 3)
        {
            return Trend.Unknown;
        }

        var meanX = points.Average(p => p.X);
        var scores = points.Select(p => (p.X, Y: Goodness.Score(kpi.Direction, p.Value, target))).ToList();
        var meanY = scores.Average(p => p.Y);
        var slope = scores.Sum(p => (p.X - meanX) * (p.Y - meanY)) / scores.Sum(p => (p.X - meanX) * (p.X - meanX));
        var size = points.Average(p => Math.Abs(p.Value));
        var sixMonths = Goodness.Classify(slope / (size > 1e-9 ? size : 1) * 100);
        var thisMonth = Goodness.Classify(Goodness.ChangePercent(kpi.Direction, history.Count > 1 ? history[^2] : null, history[^1], target));
        return (sixMonths, thisMonth) switch
        {
            (Trend.Better, Trend.Worse) or (Trend.Worse, Trend.Better) => Trend.Mixed,
            _ => sixMonths,
        };
    }
}
