using Reporting.Core.Periods;

namespace Reporting.Core.Scorecards;

/// <summary>The whole organisation's scorecard for one period: what the PDFs and scorecard.json are made from.</summary>
public sealed record Scorecard(
    string Organisation,
    string StrategyVersion,
    Period Period,
    IReadOnlyList<DepartmentScorecard> Departments)
{
    public StatusCounts Counts => StatusCounts.Of(Departments.SelectMany(d => d.Kpis).Select(k => k.Status));

    public IEnumerable<DepartmentScorecard> MissingSubmissions => Departments.Where(d => !d.Submitted);

    /// <summary>The date the data stands at: the last day of the period. Dates in documents come from here, never from the clock.</summary>
    public DateOnly DataAsOf => Period.LastDay;
}
