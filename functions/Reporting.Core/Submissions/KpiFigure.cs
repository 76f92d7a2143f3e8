using Reporting.Core.Periods;

namespace Reporting.Core.Submissions;

/// <summary>One accepted monthly figure: what a department reported for one KPI in one period.</summary>
public sealed record KpiFigure(string DepartmentId, Period Period, string KpiId, double Value, string? Comment);
