namespace Reporting.Core.Scorecards;

/// <summary>One of the month's biggest moves: a KPI that improved or declined most against last month.</summary>
public sealed record KpiMovement(string DepartmentId, string DepartmentName, KpiScore Kpi, double ImprovementPercent);
