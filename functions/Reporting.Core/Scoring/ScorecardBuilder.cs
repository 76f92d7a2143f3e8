using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;

namespace Reporting.Core.Scoring;

/// <summary>Compares a period's figures, and the months before it, with the targets in force in each month.</summary>
public static class ScorecardBuilder
{
    public const int HistoryMonths = 12;

    /// <summary>The first month whose figures a scorecard needs: twelve months of history or the start of the year, whichever is earlier.</summary>
    public static Period FirstPeriodNeeded(Period period) => period.AddMonths(-(HistoryMonths - 1));

    public static Scorecard Build(EngagementStrategy strategy, Period period, IEnumerable<KpiFigure> figures)
    {
        var book = new FigureBook(figures);
        var targets = new TargetResolver(book);
        var departments = strategy.Departments.Select(d => ScoreDepartment(d, period, book, targets)).ToList();
        var deadline = new DateOnly(period.Next().Year, period.Next().Month, strategy.SubmissionDeadlineDay);
        return new Scorecard(strategy.Organisation, strategy.Version, period, deadline, departments);
    }

    private static DepartmentScorecard ScoreDepartment(Department department, Period period, FigureBook book, TargetResolver targets)
    {
        var kpis = department.ScoredKpis.Select(kpi => ScoreKpi(department, kpi, period, book, targets)).ToList();
        var submitted = book.HasSubmission(department, period);
        return new DepartmentScorecard(department.Id, department.Name, department.Owner, submitted, Overall(submitted, kpis), kpis);
    }

    private static KpiScore ScoreKpi(Department department, KpiDefinition kpi, Period period, FigureBook book, TargetResolver targets)
    {
        double? ValueAt(Period p) => book.Measure(department, kpi, p).Value;
        var current = book.Measure(department, kpi, period);
        var target = targets.Resolve(department, kpi, period);
        var history = Enumerable.Range(0, HistoryMonths).Select(i => ValueAt(FirstPeriodNeeded(period).AddMonths(i))).ToList();
        var status = StatusRule.Evaluate(kpi, current.Value, target, period);
        var reason = current.MissingReason ?? (target is null ? $"no target in force for {period}" : null);
        return new KpiScore(
            kpi.Id, kpi.Name, kpi.Unit, kpi.Direction,
            current.Value, target, status, status == KpiStatus.Missing ? reason : null,
            ValueAt(period.Previous()),
            PeriodAggregator.QuarterToDate(kpi, period, ValueAt),
            PeriodAggregator.YearToDate(kpi, period, ValueAt),
            history, TrendRule.Of(kpi, history, target), current.Comment, kpi.IsDerived, kpi.Due);
    }

    private static KpiStatus Overall(bool submitted, IReadOnlyList<KpiScore> kpis)
    {
        if (!submitted)
        {
            return KpiStatus.Missing;
        }

        if (kpis.Any(k => k.Status == KpiStatus.Red))
        {
            return KpiStatus.Red;
        }

        return kpis.Any(k => k.Status is KpiStatus.Amber or KpiStatus.Missing) ? KpiStatus.Amber : KpiStatus.Green;
    }
}
