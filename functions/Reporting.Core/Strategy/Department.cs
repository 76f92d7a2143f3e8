namespace Reporting.Core.Strategy;

/// <summary>A department taking part in the strategy, and the KPIs it owns; <see cref="OwnerEmail"/> receives its scorecard and reminders.</summary>
public sealed record Department(string Id, string Name, string Owner, IReadOnlyList<KpiDefinition> Kpis, string? OwnerEmail = null)
{
    private readonly IdIndex<KpiDefinition> _kpis = new(k => k.Id);

    /// <summary>The KPI with this id (any case), or null; a dictionary lookup, as departments may have thousands.</summary>
    public KpiDefinition? FindKpi(string kpiId) => _kpis.Find(Kpis, kpiId);

    /// <summary>The KPIs on the scorecard: everything but inputs.</summary>
    public IEnumerable<KpiDefinition> ScoredKpis => Kpis.Where(k => !k.IsInput);

    /// <summary>The KPIs a monthly CSV may report.</summary>
    public IEnumerable<KpiDefinition> SubmittedKpis => Kpis.Where(k => k.IsSubmitted);
}
