using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Submissions;
using Reporting.Testing;

namespace Reporting.Core.Tests;

/// <summary>Every label agrees with the numbers a reader sees (docs/strategy-format.md, "Trend, variance and movers").</summary>
public sealed class LabelAgreementTests
{
    private static readonly Period October = new(2026, 10);

    private static IEnumerable<KpiScore> SampleKpis(Scorecard scorecard) => scorecard.Departments.SelectMany(d => d.Kpis);

    private static KpiScore Sample(Scorecard scorecard, string department, string kpi) =>
        scorecard.Departments.Single(d => d.Id == department).Kpis.Single(k => k.Id == kpi);

    [Fact]
    public void SampleOrganisation_TheIssuesContradictions_AreGone()
    {
        var scorecard = SampleOrganisation.Scorecard(October);

        var churn = Sample(scorecard, "customer-support", "churn-rate");
        Assert.Equal(KpiStatus.Red, churn.Status);
        Assert.Equal(Trend.Worse, churn.ChangeOnLastMonth);
        Assert.NotEqual(Trend.Better, churn.Trend);

        var posts = Sample(scorecard, "community", "posts-per-week");
        Assert.Equal(KpiStatus.Red, posts.Status);
        Assert.Equal(Trend.Worse, posts.Trend); // outside the band and further out each month, not "steady"

        Assert.All(scorecard.Departments.Single(d => d.Id == "product-development").Kpis, k => Assert.Equal(Trend.Unknown, k.Trend));
        Assert.All(SampleKpis(scorecard).Where(k => k.Unit.Kind == Strategy.UnitKind.Milestone), k => Assert.Null(k.Variance));
    }

    [Fact]
    public void SampleOrganisation_TrendMoversAndChangeOnLastMonth_NeverContradict()
    {
        var scorecard = SampleOrganisation.Scorecard(October);

        Assert.All(SampleKpis(scorecard), k =>
        {
            Assert.False(k.ChangeOnLastMonth == Trend.Worse && k.Trend == Trend.Better, $"{k.Id}: worse this month, trend better");
            Assert.False(k.ChangeOnLastMonth == Trend.Better && k.Trend == Trend.Worse, $"{k.Id}: better this month, trend worse");
            Assert.True(k.Actual is not null || k.Trend == Trend.Unknown, $"{k.Id}: missing but has a trend");
        });
        Assert.All(scorecard.Declines, m => Assert.Equal(Trend.Worse, m.Kpi.ChangeOnLastMonth));
        Assert.All(scorecard.Declines, m => Assert.NotEqual(Trend.Better, m.Kpi.Trend));
        Assert.All(scorecard.Improvements, m => Assert.NotEqual(Trend.Worse, m.Kpi.Trend));
        Assert.Contains(scorecard.Declines, m => m.Kpi.Id == "posts-per-week");
    }

    [Theory]
    [InlineData(new double[] { 15, 14, 13, 12, 11.5, 12 }, Trend.Better)]   // coming back towards the band, now inside it
    [InlineData(new double[] { 11, 12, 13, 14, 15, 16 }, Trend.Worse)]     // inside, then leaving it: further out each month
    [InlineData(new double[] { 10, 14, 11, 13, 12, 12 }, Trend.Steady)]    // anywhere inside the band is as good
    [InlineData(new double[] { 8, 7, 6, 5, 4, 3 }, Trend.Worse)]           // falling below the band
    public void RangeKpi_IsJudgedByItsDistanceFromTheBand(double[] months, Trend expected)
    {
        var kpi = new KpiBuilder("posts").Range(10, 14).Build();
        var strategy = new Core.Strategy.EngagementStrategy("Org", "1", [new Core.Strategy.Department("d", "D", "", [kpi])]);
        var figures = months.Select((v, i) => new KpiFigure("d", October.AddMonths(i - months.Length + 1), "posts", v, null));

        Assert.Equal(expected, ScorecardBuilder.Build(strategy, October, figures).Departments[0].Kpis[0].Trend);
    }

    [Fact]
    public void LowerIsBetter_BetterForSixMonthsButWorseThisMonth_IsMixedAndADecline()
    {
        var kpi = new KpiBuilder("churn").Lower().Target(2).Build();
        var strategy = new Core.Strategy.EngagementStrategy("Org", "1", [new Core.Strategy.Department("d", "D", "", [kpi])]);
        var months = new[] { 3.0, 2.9, 2.8, 2.7, 2.5, 2.6 };
        var figures = months.Select((v, i) => new KpiFigure("d", October.AddMonths(i - 5), "churn", v, null));

        var scorecard = ScorecardBuilder.Build(strategy, October, figures);

        Assert.Equal(Trend.Mixed, scorecard.Departments[0].Kpis[0].Trend);
        Assert.Equal("churn", Assert.Single(scorecard.Declines).Kpi.Id);
    }

    [Fact]
    public void MissingKpi_HasNoTrend_AndAMilestoneHasNoVariance()
    {
        var reach = new KpiBuilder("reach").Target(10).Build();
        var launch = new KpiBuilder("launch").Milestone("2026-12").Build();
        var strategy = new Core.Strategy.EngagementStrategy("Org", "1", [new Core.Strategy.Department("d", "D", "", [reach, launch])]);
        var figures = Enumerable.Range(1, 5).Select(i => new KpiFigure("d", October.AddMonths(-i), "reach", 10 + i, null))
            .Append(new KpiFigure("d", October, "launch", 0, null));

        var kpis = ScorecardBuilder.Build(strategy, October, figures).Departments[0].Kpis;

        Assert.Equal(Trend.Unknown, kpis[0].Trend);
        Assert.Null(kpis[1].Variance);
        Assert.Null(kpis[1].VariancePercent);
        Assert.Equal(KpiStatus.Green, kpis[1].Status);
    }

    [Fact]
    public void SmallMoves_InsideTheSteadyBand_AreNotMovers()
    {
        var kpi = new KpiBuilder("reach").Target(1000).Build();
        var strategy = new Core.Strategy.EngagementStrategy("Org", "1", [new Core.Strategy.Department("d", "D", "", [kpi])]);

        var scorecard = ScorecardBuilder.Build(strategy, October, [new("d", October.Previous(), "reach", 1000, null), new("d", October, "reach", 995, null)]);

        Assert.Equal(Trend.Steady, scorecard.Departments[0].Kpis[0].ChangeOnLastMonth);
        Assert.Empty(scorecard.Declines);
    }
}
