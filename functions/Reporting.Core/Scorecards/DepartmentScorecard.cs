using Reporting.Core.Scoring;

namespace Reporting.Core.Scorecards;

/// <summary>One department's page: its KPIs for the period and its overall status.</summary>
public sealed record DepartmentScorecard(
    string Id,
    string Name,
    string Owner,
    bool Submitted,
    KpiStatus OverallStatus,
    IReadOnlyList<KpiScore> Kpis);
