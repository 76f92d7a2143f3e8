using System.Text.Json;
using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Testing;

namespace Reporting.Core.Tests;

public sealed class ScorecardBuilderTests
{
    private static readonly Period October = new(2026, 10);

    private static KpiFigure Figure(string kpi, double value, Period? period = null, string department = "sales") =>
        new(department, period ?? October, kpi, value, null);

    private static KpiScore Score(KpiDefinition kpi, params KpiFigure[] figures) => Score(kpi, October, figures);

    private static KpiScore Score(KpiDefinition kpi, Period period, params KpiFigure[] figures)
    {
        var strategy = new EngagementStrategy("Org", "1", [new Department("sales", "Sales", "", [kpi, new KpiBuilder("aa").Input(), new KpiBuilder("bb").Input()])]);
        return ScorecardBuilder.Build(strategy, period, figures).Departments[0].Kpis.Single(k => k.Id == kpi.Id);
    }

    [Fact]
    public void Build_ScoresEachKpiAgainstItsTarget_AndLeavesInputsOut()
    {
        var scorecard = ScorecardBuilder.Build(TestStrategy.Strategy, October,
            [Figure("reach", 1200), Figure("churn-rate", 2.4), Figure("yield", 70), Figure("own-mentions", 300), Figure("competitor-mentions", 700), Figure("launch", 1)]);

        var sales = Assert.Single(scorecard.Departments);
        Assert.Equal(["reach", "churn-rate", "yield", "share-of-voice", "launch"], sales.Kpis.Select(k => k.Id));
        Assert.Equal([KpiStatus.Green, KpiStatus.Amber, KpiStatus.Red, KpiStatus.Red, KpiStatus.Green], sales.Kpis.Select(k => k.Status));
        Assert.Equal(KpiStatus.Red, sales.OverallStatus);
        Assert.Equal(new StatusCounts(2, 1, 2, 0), scorecard.Counts);
    }

    [Fact]
    public void Build_NoFiguresForTheDepartment_MarksItMissing()
    {
        var scorecard = ScorecardBuilder.Build(TestStrategy.Strategy, October, [Figure("reach", 1200, October.Previous())]);

        var sales = Assert.Single(scorecard.Departments);
        Assert.False(sales.Submitted);
        Assert.Equal(KpiStatus.Missing, sales.OverallStatus);
        Assert.All(sales.Kpis, k => Assert.Equal(KpiStatus.Missing, k.Status));
        Assert.Equal("no figure submitted", sales.Kpis[0].MissingReason);
        Assert.Equal(["sales"], scorecard.MissingSubmissions.Select(d => d.Id));
        Assert.Equal(new DateOnly(2026, 11, 5), scorecard.SubmissionDeadline);
    }

    [Theory]
    [InlineData("2026-06", 1000.0, KpiStatus.Green)] // June: the old target of 1,000 is met
    [InlineData("2026-07", 1200.0, KpiStatus.Amber)] // July: the new target of 1,200 applies to the same figure
    [InlineData("2026-12", 1500.0, KpiStatus.Red)]   // December: a one-month override
    public void Build_TargetsChangingMidYear_ScoreEachMonthAgainstTheTargetInForceThen(string month, double target, KpiStatus status)
    {
        var kpi = new KpiBuilder("reach").TargetFrom("2026-01", 1000).TargetFrom("2026-07", 1200).TargetFor("2026-12", 1500);
        var period = Period.Parse(month);

        var score = Score(kpi, period, Figure("reach", 1100, period));

        Assert.Equal(target, score.Target!.Value);
        Assert.Equal(status, score.Status);
    }

    [Fact]
    public void Build_ChangeAgainstAStatedBaseline_IsTwentyPercentBelow()
    {
        var kpi = new KpiBuilder("cost").Lower().Tolerance(0.05).ChangeFrom("2026-01", -0.20, new Baseline(120000, null, null, "the 2025 monthly average"));

        var score = Score(kpi, Figure("cost", 97000));

        Assert.Equal(96000, score.Target!.Value!.Value, 6);
        Assert.Equal("96,000: 20% below the 2025 monthly average (from 2026-01)", score.Target.Description);
        Assert.Equal(KpiStatus.Amber, score.Status);
    }

    [Fact]
    public void Build_ChangeAgainstAComputedBaseline_AveragesTheStoredFigures()
    {
        var kpi = new KpiBuilder("cost").Lower().ChangeFrom("2026-01", -0.10, new Baseline(null, new Period(2025, 1), new Period(2025, 3), null));

        var score = Score(kpi, Figure("cost", 85), Figure("cost", 90, new Period(2025, 1)), Figure("cost", 100, new Period(2025, 2)), Figure("cost", 110, new Period(2025, 3)));

        Assert.Equal(90, score.Target!.Value!.Value, 6);
        Assert.Equal(KpiStatus.Green, score.Status);
    }

    [Fact]
    public void Build_ComputedBaselineWithoutFigures_IsMissingWithAReason()
    {
        var kpi = new KpiBuilder("cost").Lower().ChangeFrom("2026-01", -0.10, new Baseline(null, new Period(2025, 1), new Period(2025, 3), null));

        var score = Score(kpi, Figure("cost", 85));

        Assert.Equal(KpiStatus.Missing, score.Status);
        Assert.Equal("no target in force for 2026-10", score.MissingReason);
    }

    [Theory]
    [InlineData(300.0, 700.0, 30.0, null)]
    [InlineData(0.0, 700.0, 0.0, null)]
    [InlineData(0.0, 0.0, null, "cannot divide by zero: aa + bb is 0")]
    public void Build_DerivedShareOfVoice_IsComputedOrMissingWithTheReason(double own, double competitors, double? expected, string? reason)
    {
        var kpi = new KpiBuilder("share").Unit(UnitKind.Percent).Target(35).Derived(["aa"], ["aa", "bb"], 100);

        var score = Score(kpi, Figure("aa", own), Figure("bb", competitors));

        Assert.Equal(expected, score.Actual);
        Assert.Equal(reason, score.MissingReason);
        Assert.True(score.Actual is null || double.IsFinite(score.Actual.Value));
    }

    [Fact]
    public void Build_DerivedWithAnInputMissing_SaysWhichOne()
    {
        var kpi = new KpiBuilder("ratio").Unit(UnitKind.Ratio).Target(3).Derived(["aa"], ["bb"]);

        var score = Score(kpi, Figure("aa", 10));

        Assert.Equal(KpiStatus.Missing, score.Status);
        Assert.Equal("bb: no figure submitted", score.MissingReason);
    }

    [Fact]
    public void Build_Milestone_TargetIsDoneByItsDuePeriod()
    {
        var score = Score(new KpiBuilder("launch").Milestone("2026-09"), Figure("launch", 0));

        Assert.Equal(KpiStatus.Red, score.Status);
        Assert.Equal("done by 2026-09", score.Target!.Description);
        Assert.Null(score.VariancePercent);
    }

    [Fact]
    public void Build_RangeKpi_VarianceIsTheDistanceOutsideTheRange()
    {
        var score = Score(new KpiBuilder("posts").Range(10, 14).Tolerance(0.25), Figure("posts", 15.5));

        Assert.Equal(1.5, score.Variance);
        Assert.Equal(KpiStatus.Red, score.Status);
    }

    [Theory]
    // Figures in January 10, February 20, April 30, July 20, September 20, October 60; the fourth quarter so far is October.
    [InlineData(Aggregation.Sum, 60.0, 160.0)]
    [InlineData(Aggregation.Average, 60.0, 160.0 / 6)]
    [InlineData(Aggregation.Last, 60.0, 60.0)]
    public void Build_QuarterAndYearToDate_FollowTheKpisAggregation(Aggregation aggregation, double quarter, double year)
    {
        var kpi = new KpiBuilder("reach").Target(10).Aggregated(aggregation);
        var figures = new[] { (1, 10.0), (2, 20.0), (4, 30.0), (7, 20.0), (9, 20.0), (10, 60.0) }
            .Select(m => Figure("reach", m.Item2, new Period(2026, m.Item1))).ToArray();

        var score = Score(kpi, figures);

        Assert.Equal(quarter, score.QuarterToDate);
        Assert.Equal(year, score.YearToDate!.Value, 6);
    }

    [Theory]
    [InlineData(new double[] { 100, 110, 120, 130 }, false, Trend.Better)]
    [InlineData(new double[] { 100, 110, 120, 130 }, true, Trend.Worse)]
    [InlineData(new double[] { 100, 100.5, 99.8, 100.2 }, false, Trend.Steady)]
    [InlineData(new double[] { 100, 110 }, false, Trend.Unknown)]
    public void Build_Trend_IsReadInTheKpisDirection(double[] months, bool lowerIsBetter, Trend expected)
    {
        var builder = new KpiBuilder("reach").Target(10);
        var kpi = lowerIsBetter ? builder.Lower() : builder;
        var figures = months.Select((v, i) => Figure("reach", v, October.AddMonths(i - months.Length + 1))).ToArray();

        Assert.Equal(expected, Score(kpi, figures).Trend);
    }

    [Fact]
    public void Build_KeepsTwelveMonthsOfHistoryAndTheChangeOnLastMonth()
    {
        var figures = Enumerable.Range(0, 14).Select(i => Figure("reach", 100 + i, October.AddMonths(-i))).ToArray();

        var reach = Score(new KpiBuilder("reach").Target(1000), figures);

        Assert.Equal(12, reach.History.Count);
        Assert.Equal(111, reach.History[0]);
        Assert.Equal(100, reach.History[^1]);
        Assert.Equal(-1, reach.ChangeOnPreviousMonth);
        Assert.Equal(-90, reach.VariancePercent);
    }

    [Fact]
    public void Build_BiggestMoves_AreJudgedInEachKpisDirection()
    {
        var scorecard = ScorecardBuilder.Build(TestStrategy.Strategy, October, [
            Figure("reach", 1500), Figure("reach", 1000, October.Previous()),           // +50%: improvement
            Figure("churn-rate", 3), Figure("churn-rate", 2, October.Previous()),       // churn up 50%: decline
            Figure("yield", 81), Figure("yield", 80, October.Previous()),               // +1.25%: small improvement
        ]);

        Assert.Equal(["reach", "yield"], scorecard.Improvements.Select(m => m.Kpi.Id));
        Assert.Equal(["churn-rate"], scorecard.Declines.Select(m => m.Kpi.Id));
        Assert.Equal(-50, scorecard.Declines[0].ImprovementPercent, 6);
    }

    [Fact]
    public void Serialize_WritesTheStableFieldNames()
    {
        var scorecard = ScorecardBuilder.Build(TestStrategy.Strategy, October, [Figure("reach", 1200)]);

        var root = JsonDocument.Parse(ScorecardJson.Serialize(scorecard)).RootElement;

        Assert.Equal("2026-10", root.GetProperty("period").GetString());
        var department = root.GetProperty("departments")[0];
        Assert.Equal("sales", department.GetProperty("id").GetString());
        Assert.Equal("Sales", department.GetProperty("name").GetString());
        var reach = department.GetProperty("kpis")[0];
        foreach (var field in new[] { "id", "name", "unit", "actual", "target", "status" })
        {
            Assert.True(reach.TryGetProperty(field, out _), $"kpis[] lacks '{field}'");
        }

        Assert.Equal(1200, reach.GetProperty("actual").GetDouble());
        Assert.Equal(1000, reach.GetProperty("target").GetDouble());
        Assert.Equal("green", reach.GetProperty("status").GetString());
        Assert.Equal("count", reach.GetProperty("unit").GetString());
        var churn = department.GetProperty("kpis")[1];
        Assert.Equal(JsonValueKind.Null, churn.GetProperty("actual").ValueKind);
        Assert.Equal("missing", churn.GetProperty("status").GetString());
        Assert.Equal("EUR", department.GetProperty("kpis")[2].GetProperty("unit").GetString());
    }
}
