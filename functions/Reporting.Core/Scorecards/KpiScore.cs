using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;

namespace Reporting.Core.Scorecards;

/// <summary>
/// One KPI's line on a department's scorecard. <see cref="History"/> holds the last twelve months,
/// oldest first and ending with the scored period; a month without a value is null. <see cref="Milestone"/> says
/// when a milestone is due and when it was done.
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
    Period? Due,
    MilestoneTiming? Milestone = null)
{
    /// <summary>
    /// Actual minus target; for a range, how far outside the band (0 inside), signed. A milestone has none: it is done or
    /// not, and "-1" would read as a number a reader could act on. See docs/strategy-format.md.
    /// </summary>
    public double? Variance => (Actual, Target) switch
    {
        _ when Unit.Kind == UnitKind.Milestone => null,
        ({ } actual, { IsRange: true } range) => actual < range.Min ? actual - range.Min : actual > range.Max ? actual - range.Max : 0,
        ({ } actual, { Value: { } target }) => actual - target,
        _ => null,
    };

    public double? VariancePercent => Target is { Value: { } target } && target != 0 && Variance is { } variance
        ? variance / Math.Abs(target) * 100
        : null;

    public double? ChangeOnPreviousMonth => Actual - PreviousActual;

    /// <summary>The change on last month as a percentage of last month's value, positive when it moved the good way (<see cref="Goodness"/>).</summary>
    public double? ImprovementPercent => Unit.Kind == UnitKind.Milestone ? null : Goodness.ChangePercent(Direction, PreviousActual, Actual, Target);

    /// <summary>Better, worse or steady on last month; the movers on the summary page are the better and worse ones.</summary>
    public Trend ChangeOnLastMonth => Goodness.Classify(ImprovementPercent);
}
