using Reporting.Core.Periods;

namespace Reporting.Core.Scorecards;

/// <summary>
/// The whole organisation's scorecard for one period: what the PDFs and scorecard.json are made from.
/// <see cref="SubmissionDeadline"/> is a day in <see cref="TimeZone"/> (an IANA id), the organisation's zone.
/// </summary>
public sealed record Scorecard(
    string Organisation,
    string StrategyVersion,
    Period Period,
    DateOnly SubmissionDeadline,
    IReadOnlyList<DepartmentScorecard> Departments,
    OrganisationPath? Path = null,
    string TimeZone = "UTC")
{
    private const int MoversShown = 3;

    public StatusCounts Counts => StatusCounts.Of(Departments.SelectMany(d => d.Kpis).Select(k => k.Status));

    public IEnumerable<DepartmentScorecard> MissingSubmissions => Departments.Where(d => !d.Submitted);

    public IEnumerable<DepartmentScorecard> LateSubmissions => Departments.Where(d => d.IsLate);

    /// <summary>The date the data stands at: the last day of the period. Dates in documents come from here, never from the clock.</summary>
    public DateOnly DataAsOf => Period.LastDay;

    /// <summary>The last twelve months, organisation-wide: whether it is getting closer. Empty when not computed.</summary>
    public OrganisationPath OrganisationPath => Path ?? OrganisationPath.Empty;

    /// <summary>The KPIs that got most better on last month (by more than the steady band), best first.</summary>
    public IReadOnlyList<KpiMovement> Improvements => Movements().Where(m => m.Kpi.ChangeOnLastMonth == Scoring.Trend.Better).Take(MoversShown).ToList();

    /// <summary>The KPIs that got most worse on last month (by more than the steady band), worst first.</summary>
    public IReadOnlyList<KpiMovement> Declines => Movements().Where(m => m.Kpi.ChangeOnLastMonth == Scoring.Trend.Worse).Reverse().Take(MoversShown).ToList();

    private IEnumerable<KpiMovement> Movements() => Departments
        .SelectMany(d => d.Kpis.Where(k => k.ImprovementPercent is not null).Select(k => new KpiMovement(d.Id, d.Name, k, k.ImprovementPercent!.Value)))
        .OrderByDescending(m => m.ImprovementPercent).ThenBy(m => m.DepartmentId, StringComparer.Ordinal).ThenBy(m => m.Kpi.Id, StringComparer.Ordinal);
}
