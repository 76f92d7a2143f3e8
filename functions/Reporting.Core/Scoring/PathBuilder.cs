using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Strategy;

namespace Reporting.Core.Scoring;

/// <summary>
/// Scores each of the twelve months up to the period with the targets in force in that month, for the path chart and
/// the department x month grid. It reads the same figures as the period's scorecard, so it needs nothing more stored.
/// </summary>
internal static class PathBuilder
{
    public static OrganisationPath Build(EngagementStrategy strategy, Period period, FigureBook book, TargetResolver targets, IReadOnlyList<StrategyRevision>? revisions)
    {
        var first = ScorecardBuilder.FirstPeriodNeeded(period);
        var months = new List<PathMonth>(ScorecardBuilder.HistoryMonths);
        for (var month = first; month <= period; month = month.Next())
        {
            var statuses = new List<KpiStatus>();
            var overall = new List<KpiStatus>(strategy.Departments.Count);
            foreach (var department in strategy.Departments)
            {
                var kpis = department.ScoredKpis
                    .Select(kpi => StatusRule.Evaluate(kpi, book.Measure(department, kpi, month).Value, targets.Resolve(department, kpi, month), month))
                    .ToList();
                statuses.AddRange(kpis);
                overall.Add(ScorecardBuilder.Overall(book.HasSubmission(department, month), kpis));
            }

            months.Add(new PathMonth(month, StatusCounts.Of(statuses), overall));
        }

        return new OrganisationPath(months, Markers(strategy, first, period, revisions ?? []));
    }

    // A dated target entry that starts, or ends, inside the window changes what "on track" means from that month.
    private static List<PathMarker> Markers(EngagementStrategy strategy, Period first, Period last, IReadOnlyList<StrategyRevision> revisions)
    {
        var changed = strategy.Departments.SelectMany(d => d.ScoredKpis)
            .SelectMany(k => k.Targets.SelectMany(t => t.To is { } to ? [t.From, to.Next()] : new[] { t.From }).Distinct()) // once per KPI and month
            .Where(p => p > first && p <= last)
            .GroupBy(p => p)
            .ToDictionary(g => g.Key, g => g.Count());
        var versions = revisions.Where(r => r.From > first && r.From <= last).ToDictionary(r => r.From, r => r.Version);
        return changed.Keys.Union(versions.Keys).Order()
            .Select(p => new PathMarker(p, string.Join(", ", Label(changed.GetValueOrDefault(p), versions.GetValueOrDefault(p)))))
            .ToList();
    }

    private static IEnumerable<string> Label(int targets, string? version)
    {
        if (version is not null)
        {
            yield return $"strategy {version}";
        }

        if (targets > 0)
        {
            yield return targets == 1 ? "1 target changed" : $"{targets} targets changed";
        }
    }
}
