using Reporting.Core.Periods;

namespace Reporting.Core.Scorecards;

/// <summary>The whole organisation's scorecard for one period: what the PDFs and scorecard.json are made from.</summary>
public sealed record Scorecard(
    string Organisation,
    string StrategyVersion,
    Period Period,
    DateOnly SubmissionDeadline,
    IReadOnlyList<DepartmentScorecard> Departments)
{
    private const int MoversShown = 3;

    public StatusCounts Counts => StatusCounts.Of(Departments.SelectMany(d => d.Kpis).Select(k => k.Status));

    public IEnumerable<DepartmentScorecard> MissingSubmissions => Departments.Where(d => !d.Submitted);

    public IEnumerable<DepartmentScorecard> LateSubmissions => Departments.Where(d => d.IsLate);

    /// <summary>The date the data stands at: the last day of the period. Dates in documents come from here, never from the clock.</summary>
    public DateOnly DataAsOf => Period.LastDay;

    public IReadOnlyList<KpiMovement> Improvements => Movements().Where(m => m.ImprovementPercent > 0).Take(MoversShown).ToList();

    public IReadOnlyList<KpiMovement> Declines => Movements().Where(m => m.ImprovementPercent < 0).Reverse().Take(MoversShown).ToList();

    private IEnumerable<KpiMovement> Movements() => Departments
        .SelectMany(d => d.Kpis.Where(k => k.ImprovementPercent is not null).Select(k => new KpiMovement(d.Id, d.Name, k, k.ImprovementPercent!.Value)))
        .OrderByDescending(m => m.ImprovementPercent).ThenBy(m => m.DepartmentId, StringComparer.Ordinal).ThenBy(m => m.Kpi.Id, StringComparer.Ordinal);
}
