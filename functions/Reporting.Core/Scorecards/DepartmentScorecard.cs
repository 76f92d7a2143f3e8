using Reporting.Core.Scoring;

namespace Reporting.Core.Scorecards;

/// <summary>
/// One department's page: its KPIs for the period and its overall status. <see cref="ReceivedOn"/> is the day its
/// accepted submission arrived (in the strategy's time zone), when known; <see cref="IsLate"/> when that was after the deadline.
/// </summary>
public sealed record DepartmentScorecard(
    string Id,
    string Name,
    string Owner,
    bool Submitted,
    KpiStatus OverallStatus,
    IReadOnlyList<KpiScore> Kpis,
    DateOnly? ReceivedOn = null,
    bool IsLate = false);
