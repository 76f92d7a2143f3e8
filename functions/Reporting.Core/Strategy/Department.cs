namespace Reporting.Core.Strategy;

/// <summary>A department taking part in the strategy, and the KPIs it owns.</summary>
public sealed record Department(string Id, string Name, string Owner, IReadOnlyList<KpiDefinition> Kpis)
{
    public KpiDefinition? FindKpi(string kpiId) =>
        Kpis.FirstOrDefault(k => string.Equals(k.Id, kpiId, StringComparison.OrdinalIgnoreCase));
}
