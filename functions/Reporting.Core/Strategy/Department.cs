namespace Reporting.Core.Strategy;

/// <summary>A department taking part in the strategy, and the KPIs it owns.</summary>
public sealed record Department(string Id, string Name, string Owner, IReadOnlyList<KpiDefinition> Kpis)
{
    public KpiDefinition? FindKpi(string kpiId) =>
        Kpis.FirstOrDefault(k => string.Equals(k.Id, kpiId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The KPIs on the scorecard: everything but inputs.</summary>
    public IEnumerable<KpiDefinition> ScoredKpis => Kpis.Where(k => !k.IsInput);

    /// <summary>The KPIs a monthly CSV may report.</summary>
    public IEnumerable<KpiDefinition> SubmittedKpis => Kpis.Where(k => k.IsSubmitted);
}
