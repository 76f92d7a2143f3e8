using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Core.Scoring;

/// <summary>
/// Green when the target is met; amber when missed by no more than the KPI's tolerance (a fraction of the target, or of
/// a range's width); red beyond that; missing when there is no figure or no target. A milestone is green once done,
/// and while not done before its due month; amber in its due month; red after it.
/// </summary>
public static class StatusRule
{
    public static KpiStatus Evaluate(KpiDefinition kpi, double? actual, Target? target, Period period)
    {
        if (actual is not { } value || target is null)
        {
            return KpiStatus.Missing;
        }

        if (kpi.IsMilestone)
        {
            return value >= 1 || period < kpi.Due ? KpiStatus.Green : period == kpi.Due ? KpiStatus.Amber : KpiStatus.Red;
        }

        var (miss, scale) = target.IsRange
            ? (Math.Max(target.Min!.Value - value, value - target.Max!.Value), target.Max.Value - target.Min.Value)
            : (kpi.Direction == Direction.LowerIsBetter ? value - target.Value!.Value : target.Value!.Value - value, Math.Abs(target.Value.Value));
        var allowed = kpi.AmberTolerance * scale;
        return miss <= 0 ? KpiStatus.Green
            : miss <= allowed + (1e-9 * Math.Max(1, scale)) ? KpiStatus.Amber
            : KpiStatus.Red;
    }
}
