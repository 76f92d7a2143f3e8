using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Testing;

namespace Reporting.Core.Tests;

/// <summary>The organisation's twelve-month path and the milestones' dates.</summary>
public sealed class PathTests
{
    private static readonly Period October = new(2026, 10);

    [Fact]
    public void SampleOrganisation_PathHasTwelveMonthsEndingWithThePeriod_AndMatchesItsCounts()
    {
        var scorecard = SampleOrganisation.Scorecard(October);
        var path = scorecard.OrganisationPath;

        Assert.Equal(12, path.Months.Count);
        Assert.Equal(new Period(2025, 11), path.Months[0].Period);
        Assert.Equal(scorecard.Counts, path.Months[^1].Counts);
        Assert.Equal(scorecard.Departments.Select(d => d.OverallStatus), path.Months[^1].DepartmentStatuses);
        Assert.Contains(path.Changes, c => c.Period == new Period(2026, 1)); // support cost: 20% below the baseline from January
        Assert.Contains(path.Changes, c => c.Period == new Period(2026, 7)); // new customers raised at the mid-year review
        Assert.True(path.Months[^1].Counts.ShareOnTrack > path.Months[0].Counts.ShareOnTrack, "the sample organisation gets closer");
    }

    [Fact]
    public void Revisions_PassedIn_AreMarked()
    {
        var strategy = new EngagementStrategy("Org", "1", [new Department("d", "D", "", [new KpiBuilder("reach").Target(10)])]);

        var scorecard = ScorecardBuilder.Build(strategy, October, [new KpiFigure("d", October, "reach", 12, null)], revisions: [new StrategyRevision(new Period(2026, 4), "2026.2")]);

        var marker = Assert.Single(scorecard.OrganisationPath.Changes);
        Assert.Equal("strategy 2026.2", marker.Label);
        Assert.Equal(KpiStatus.Missing, scorecard.OrganisationPath.Months[0].DepartmentStatuses[0]);
    }

    [Theory]
    [InlineData("2026-12", new double[] { 0, 0, 0 }, 2, null)]
    [InlineData("2026-08", new double[] { 0, 0, 0 }, -2, null)]
    [InlineData("2026-12", new double[] { 0, 1, 1 }, 2, "2026-09")]
    public void Milestone_KnowsItsDueMonthAndWhenItWasDone(string due, double[] lastThreeMonths, int monthsUntilDue, string? doneIn)
    {
        var strategy = new EngagementStrategy("Org", "1", [new Department("d", "D", "", [new KpiBuilder("launch").Milestone(due)])]);
        var figures = lastThreeMonths.Select((v, i) => new KpiFigure("d", October.AddMonths(i - 2), "launch", v, null));

        var timing = ScorecardBuilder.Build(strategy, October, figures).Departments[0].Kpis[0].Milestone!;

        Assert.Equal(Period.Parse(due), timing.Due);
        Assert.Equal(monthsUntilDue, timing.MonthsUntilDue);
        Assert.Equal(doneIn, timing.DoneIn?.ToString());
        Assert.False(timing.DoneBeforeHistory);
    }
}
