using System.Globalization;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Core.Scoring;

/// <summary>Finds the target in force for a KPI in a month, computing "change against a baseline" targets.</summary>
public sealed class TargetResolver(FigureBook figures)
{
    public Target? Resolve(Department department, KpiDefinition kpi, Period period)
    {
        if (kpi.IsMilestone)
        {
            return kpi.Due is { } due ? new Target(1, null, null, $"done by {due}") : null;
        }

        if (kpi.TargetRuleFor(period) is not { } rule)
        {
            return null;
        }

        var when = rule.IsOverride ? $"for {rule.From} only" : rule.From.Year <= 1900 ? "" : $"from {rule.From}";
        if (rule.Min is { } min && rule.Max is { } max)
        {
            return new Target(null, min, max, Join($"{Number(min)} to {Number(max)}", when));
        }

        if (rule.Value is { } value)
        {
            return new Target(value, null, null, Join(Number(value), when));
        }

        if (rule.Change is { } change && BaselineValue(department, kpi, rule.Baseline!) is { } baseline)
        {
            var direction = change < 0 ? "below" : "above";
            var changed = baseline * (1 + change);
            return new Target(changed, null, null,
                Join(string.Create(CultureInfo.InvariantCulture, $"{Number(changed)}: {Math.Abs(change) * 100:0.#}% {direction} {rule.Baseline!.Describe()}"), when));
        }

        return null; // a computed baseline without any stored figures: no target yet
    }

    private double? BaselineValue(Department department, KpiDefinition kpi, Baseline baseline)
    {
        if (baseline.Value is { } stated)
        {
            return stated;
        }

        var values = new List<double>();
        for (var period = baseline.From!.Value; period <= baseline.To!.Value; period = period.Next())
        {
            if (figures.Measure(department, kpi, period).Value is { } value)
            {
                values.Add(value);
            }
        }

        return values.Count == 0 ? null : values.Average();
    }

    private static string Join(string what, string when) => when.Length == 0 ? what : $"{what} ({when})";

    private static string Number(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
