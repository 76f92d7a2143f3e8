using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;

namespace Reporting.Core.Scoring;

/// <summary>Compares a period's figures, and the months before it, with the targets in force in each month.</summary>
public static class ScorecardBuilder
{
    public const int HistoryMonths = 12;

    /// <summary>The first month of the twelve-month history (never later than January, so year to date is covered too).</summary>
    public static Period FirstPeriodNeeded(Period period) => period.AddMonths(-(HistoryMonths - 1));

    /// <summary>The first month whose figures scoring the period reads: the history, or an earlier computed baseline.</summary>
    public static Period FirstPeriodNeeded(EngagementStrategy strategy, Period period) => strategy.Departments
        .SelectMany(d => d.Kpis).SelectMany(k => k.Targets)
        .Where(t => t.Baseline?.From is not null && t.From <= period)
        .Select(t => t.Baseline!.From!.Value)
        .Append(FirstPeriodNeeded(period))
        .Min();

    /// <param name="strategy">The strategy in force.</param>
    /// <param name="period">The month to score.</param>
    /// <param name="figures">The stored figures from <see cref="FirstPeriodNeeded(EngagementStrategy, Period)"/> to the period.</param>
    /// <param name="received">When each department's accepted submission for the period arrived (the storage service's time),
    /// for marking late ones; optional. Its day, and so lateness, is taken in the strategy's time zone.</param>
    /// <param name="revisions">The strategy versions in force over the last twelve months, for marking the path chart; optional
    /// (dated target entries are marked without it).</param>
    public static Scorecard Build(
        EngagementStrategy strategy,
        Period period,
        IEnumerable<KpiFigure> figures,
        IReadOnlyDictionary<string, DateTimeOffset>? received = null,
        IReadOnlyList<StrategyRevision>? revisions = null)
    {
        var book = new FigureBook(figures);
        var targets = new TargetResolver(book);
        var deadline = strategy.DeadlineFor(period);
        var departments = strategy.Departments
            .Select(d => ScoreDepartment(strategy, d, period, book, targets, received is not null && received.TryGetValue(d.Id, out var at) ? at : null))
            .ToList();
        return new Scorecard(strategy.Organisation, strategy.Version, period, deadline, departments, PathBuilder.Build(strategy, period, book, targets, revisions), strategy.TimeZone.Id);
    }

    private static DepartmentScorecard ScoreDepartment(
        EngagementStrategy strategy, Department department, Period period, FigureBook book, TargetResolver targets, DateTimeOffset? received)
    {
        var kpis = department.ScoredKpis.Select(kpi => ScoreKpi(department, kpi, period, book, targets)).ToList();
        var submitted = book.HasSubmission(department, period);
        var at = submitted && received is { } known && known != default ? known : (DateTimeOffset?)null;
        return new DepartmentScorecard(
            department.Id, department.Name, department.Owner, submitted, Overall(submitted, kpis.Select(k => k.Status).ToList()), kpis,
            at is { } day ? strategy.LocalDate(day) : null, at is { } when && strategy.IsLate(period, when));
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
            history, TrendRule.Of(kpi, history, target), current.Comment, kpi.IsDerived, kpi.Due, Timing(kpi, period, history));
    }

    // The run of "done" figures that reaches the scored month gives the month it was done.
    private static MilestoneTiming? Timing(KpiDefinition kpi, Period period, IReadOnlyList<double?> history)
    {
        if (!kpi.IsMilestone || kpi.Due is not { } due)
        {
            return null;
        }

        var months = ((due.Year - period.Year) * 12) + due.Month - period.Month;
        var start = history.Count;
        while (start > 0 && history[start - 1] >= 1)
        {
            start--;
        }

        return start == history.Count
            ? new MilestoneTiming(due, months, null, false)
            : new MilestoneTiming(due, months, period.AddMonths(start - history.Count + 1), start == 0);
    }

    internal static KpiStatus Overall(bool submitted, IReadOnlyList<KpiStatus> kpis)
    {
        if (!submitted)
        {
            return KpiStatus.Missing;
        }

        if (kpis.Contains(KpiStatus.Red))
        {
            return KpiStatus.Red;
        }

        return kpis.Any(k => k is KpiStatus.Amber or KpiStatus.Missing) ? KpiStatus.Amber : KpiStatus.Green;
    }
}
