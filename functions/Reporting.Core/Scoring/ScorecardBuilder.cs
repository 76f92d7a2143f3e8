using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;

namespace Reporting.Core.Scoring;

/// <summary>Compares a period's figures (and the eleven months before it) with the strategy's targets.</summary>
public static class ScorecardBuilder
{
    public const int HistoryMonths = 12;

    public static Period FirstPeriodNeeded(Period period) => period.AddMonths(-(HistoryMonths - 1));

    public static Scorecard Build(EngagementStrategy strategy, Period period, IEnumerable<KpiFigure> figures)
    {
        var byKey = figures.ToDictionary(f => (f.DepartmentId, f.KpiId, f.Period));
        var departments = strategy.Departments
            .Select(department => ScoreDepartment(department, period, byKey))
            .ToList();
        return new Scorecard(strategy.Organisation, strategy.Version, period, departments);
    }

    private static DepartmentScorecard ScoreDepartment(
        Department department, Period period, IReadOnlyDictionary<(string, string, Period), KpiFigure> figures)
    {
        var kpis = department.Kpis.Select(kpi =>
        {
            KpiFigure? At(Period p) => figures.GetValueOrDefault((department.Id, kpi.Id, p));
            var current = At(period);
            var history = Enumerable.Range(0, HistoryMonths)
                .Select(i => At(FirstPeriodNeeded(period).AddMonths(i))?.Value)
                .ToList();
            return new KpiScore(
                kpi.Id, kpi.Name, kpi.Unit, kpi.Direction,
                current?.Value, kpi.Target,
                StatusRule.Evaluate(kpi, current?.Value, kpi.Target),
                At(period.Previous())?.Value, history, current?.Comment);
        }).ToList();

        var submitted = kpis.Any(k => k.Actual is not null);
        return new DepartmentScorecard(department.Id, department.Name, department.Owner, submitted, Overall(submitted, kpis), kpis);
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
