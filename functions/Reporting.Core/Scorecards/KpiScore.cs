using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;

namespace Reporting.Core.Scorecards;

/// <summary>
/// One KPI's line on a department's scorecard. <see cref="History"/> holds the last twelve months,
/// oldest first and ending with the scored period; a month without a value is null.
/// </summary>
public sealed record KpiScore(
    string Id,
    string Name,
    Unit Unit,
    Direction Direction,
    double? Actual,
    Target? Target,
    KpiStatus Status,
    string? MissingReason,
    double? PreviousActual,
    double? QuarterToDate,
    double? YearToDate,
    IReadOnlyList<double?> History,
    Trend Trend,
    string? Comment,
    bool IsDerived,
    Period? Due)
{
    /// <summary>Actual minus target; for a range, how far outside it (0 inside).</summary>
    public double? Variance => (Actual, Target) switch
    {
        ({ } actual, { IsRange: true } range) => actual < range.Min ? actual - range.Min : actual > range.Max ? actual - range.Max : 0,
        ({ } actual, { Value: { } target }) => actual - target,
        _ => null,
    };

    public double? VariancePercent => Target is { Value: { } target } && target != 0 && Variance is { } variance && Unit.Kind != UnitKind.Milestone
        ? variance / Math.Abs(target) * 100
        : null;

    public double? ChangeOnPreviousMonth => Actual - PreviousActual;

    /// <summary>The change on last month as a percentage, positive when it moved the good way.</summary>
    public double? ImprovementPercent
    {
        get
        {
            if (Actual is not { } actual || PreviousActual is not { } previous || previous == 0 || Unit.Kind == UnitKind.Milestone)
            {
                return null;
            }

            var change = (actual - previous) / Math.Abs(previous) * 100;
            return Direction switch
            {
                Direction.LowerIsBetter => -change,
                Direction.WithinRange when Target is { IsRange: true } range =>
                    (Math.Abs(previous - ((range.Min!.Value + range.Max!.Value) / 2)) - Math.Abs(actual - ((range.Min.Value + range.Max.Value) / 2))) / Math.Abs(previous) * 100,
                _ => change,
            };
        }
    }
}
