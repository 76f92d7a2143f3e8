using Reporting.Core.Periods;
using Reporting.Core.Scoring;

namespace Reporting.Core.Scorecards;

/// <summary>
/// One month of the organisation's path: KPIs by status (scored against the targets in force that month) and each
/// department's overall status, in the order of <see cref="Scorecard.Departments"/>.
/// </summary>
public sealed record PathMonth(Period Period, StatusCounts Counts, IReadOnlyList<KpiStatus> DepartmentStatuses);
