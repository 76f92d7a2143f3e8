using Reporting.Core.Scoring;
using Reporting.Core.Strategy;

namespace Reporting.Core.Scorecards;

/// <summary>
/// One KPI's line on a department's scorecard. <see cref="History"/> holds the last twelve months,
/// oldest first and ending with the scored period; a month without a figure is null.
/// </summary>
public sealed record KpiScore(
    string Id,
    string Name,
    string Unit,
    Direction Direction,
    double? Actual,
    double? Target,
    KpiStatus Status,
    double? PreviousActual,
    IReadOnlyList<double?> History,
    string? Comment)
{
    public double? Variance => Actual - Target;

    public double? VariancePercent => Target is { } target && target != 0 && Variance is { } variance
        ? variance / Math.Abs(target) * 100
        : null;

    public double? ChangeOnPreviousMonth => Actual - PreviousActual;
}
