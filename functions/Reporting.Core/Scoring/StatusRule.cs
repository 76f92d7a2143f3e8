using Reporting.Core.Strategy;

namespace Reporting.Core.Scoring;

/// <summary>
/// Green when the target is met; amber when missed by no more than the KPI's tolerance
/// (a fraction of the target); red beyond that; missing when there is no figure or no target.
/// </summary>
public static class StatusRule
{
    public static KpiStatus Evaluate(KpiDefinition kpi, double? actual, double? target)
    {
        if (actual is not { } value || target is not { } goal)
        {
            return KpiStatus.Missing;
        }

        var miss = kpi.Direction == Direction.HigherIsBetter ? goal - value : value - goal;
        var allowed = kpi.AmberTolerance * Math.Abs(goal);
        return miss <= 0 ? KpiStatus.Green
            : miss <= allowed + (1e-9 * Math.Max(1, Math.Abs(goal))) ? KpiStatus.Amber
            : KpiStatus.Red;
    }
}
