namespace Reporting.Core.Scorecards.Contract;

// scorecard.json: the public contract that users' own tools read (README, docs/scorecard-json.md and its schema,
// docs/scorecard.schema.json). Property names are these, camel-cased, in this order. Fields may be added, none renamed
// or removed. Every field is written, null included. Numbers are rounded to six decimals; dates are yyyy-MM-dd,
// months yyyy-MM; statuses are lowercase words (green, amber, red, missing).

/// <summary>The whole file: one month's scorecard for the organisation.</summary>
public sealed record ScorecardDocument(
    string Period,
    string Organisation,
    string StrategyVersion,
    string DataAsOf,
    string SubmissionDeadline,
    string TimeZone,
    ScorecardSummary Summary,
    PathEntry Path,
    IReadOnlyList<DepartmentEntry> Departments);

/// <summary>Counts of KPIs by status, the departments missing or late, and the biggest movers on last month.</summary>
public sealed record ScorecardSummary(
    int Green,
    int Amber,
    int Red,
    int Missing,
    double? ShareOnTrack,
    IReadOnlyList<string> DepartmentsMissing,
    IReadOnlyList<string> DepartmentsLate,
    IReadOnlyList<MovementEntry> Improvements,
    IReadOnlyList<MovementEntry> Declines);

/// <summary>A KPI that moved most on last month; <see cref="ChangePercent"/> is the change in its goodness.</summary>
public sealed record MovementEntry(string Department, string Kpi, double? ChangePercent);

/// <summary>The organisation's path over the last months ("are we closer?"), and the strategy changes along it.</summary>
public sealed record PathEntry(IReadOnlyList<PathMonthEntry> Months, IReadOnlyList<PathChangeEntry> Changes);

/// <summary>One month of the path: counts by status, and each department's overall status word in strategy order.</summary>
public sealed record PathMonthEntry(string Period, int Green, int Amber, int Red, int Missing, double? ShareOnTrack, IReadOnlyList<string> Departments);

/// <summary>A month in which the strategy changed, with what changed.</summary>
public sealed record PathChangeEntry(string Period, string Label);

/// <summary>One department: its submission and its KPIs.</summary>
public sealed record DepartmentEntry(
    string Id,
    string Name,
    string Owner,
    bool Submitted,
    string? ReceivedOn,
    bool Late,
    string Status,
    IReadOnlyList<KpiEntry> Kpis);

/// <summary>One KPI of a department: actual against target, how it moved, and its last twelve months.</summary>
public sealed record KpiEntry(
    string Id,
    string Name,
    string Unit,
    double? Actual,
    double? Target,
    string Status,
    double? TargetMin,
    double? TargetMax,
    string? TargetDescription,
    string? MissingReason,
    double? Variance,
    double? VariancePercent,
    double? PreviousActual,
    double? ChangeOnPreviousMonth,
    double? QuarterToDate,
    double? YearToDate,
    string Trend,
    string ChangeOnLastMonth,
    IReadOnlyList<double?> History,
    bool Derived,
    string? Due,
    int? MonthsUntilDue,
    string? DoneIn,
    string? Comment);
