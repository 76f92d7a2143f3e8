using Reporting.Core.Periods;

namespace Reporting.Core.Strategy;

/// <summary>
/// One KPI of a department. Submitted KPIs come from the monthly CSV; derived ones are computed from others
/// (<see cref="Derivation"/>); inputs (<see cref="IsInput"/>) are submitted only to feed derived KPIs and are not scored.
/// <see cref="AmberTolerance"/> is a fraction of the target (of the range's width for range targets):
/// a miss within it is amber, beyond it red.
/// </summary>
public sealed record KpiDefinition(
    string Id,
    string Name,
    Unit Unit,
    Direction Direction,
    Aggregation Aggregation,
    double AmberTolerance,
    double? Minimum,
    double? Maximum,
    IReadOnlyList<TargetRule> Targets,
    Derivation? Derivation = null,
    Period? Due = null,
    bool IsInput = false)
{
    public bool IsDerived => Derivation is not null;

    public bool IsMilestone => Unit.Kind == UnitKind.Milestone;

    /// <summary>Submitted in the monthly CSV (everything but derived KPIs).</summary>
    public bool IsSubmitted => !IsDerived;

    /// <summary>
    /// The rule in force for a month: a one-month override first; otherwise the latest rule that started by then,
    /// unless it ended (<c>to:</c>) before. A rule without <c>to:</c> runs until the next one starts.
    /// </summary>
    public TargetRule? TargetRuleFor(Period period) =>
        Targets.FirstOrDefault(t => t.IsOverride && t.Covers(period))
        ?? LatestStartedBy(period);

    private TargetRule? LatestStartedBy(Period period) =>
        Targets.Where(t => !t.IsOverride && t.From <= period).MaxBy(t => t.From) is { } latest && latest.Covers(period) ? latest : null;
}
