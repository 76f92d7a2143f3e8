using System.Text.Json;
using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Submissions;

namespace Reporting.Core.Tests;

public sealed class ScorecardBuilderTests
{
    private static readonly Period October = new(2026, 10);

    private static KpiFigure Figure(string kpi, double value, Period? period = null) => new("sales", period ?? October, kpi, value, null);

    [Fact]
    public void Build_ScoresEachKpiAgainstItsTarget()
    {
        var scorecard = ScorecardBuilder.Build(TestStrategy.Strategy, October, [Figure("reach", 1200), Figure("churn-rate", 2.4), Figure("yield", 70)]);

        var sales = Assert.Single(scorecard.Departments);
        Assert.Equal([KpiStatus.Green, KpiStatus.Amber, KpiStatus.Red], sales.Kpis.Select(k => k.Status));
        Assert.Equal(KpiStatus.Red, sales.OverallStatus);
        Assert.Equal(new StatusCounts(1, 1, 1, 0), scorecard.Counts);
    }

    [Fact]
    public void Build_NoFiguresForTheDepartment_MarksItMissing()
    {
        var scorecard = ScorecardBuilder.Build(TestStrategy.Strategy, October, [Figure("reach", 1200, October.Previous())]);

        var sales = Assert.Single(scorecard.Departments);
        Assert.False(sales.Submitted);
        Assert.Equal(KpiStatus.Missing, sales.OverallStatus);
        Assert.All(sales.Kpis, k => Assert.Equal(KpiStatus.Missing, k.Status));
        Assert.Equal(["sales"], scorecard.MissingSubmissions.Select(d => d.Id));
    }

    [Fact]
    public void Build_KeepsTwelveMonthsOfHistoryAndTheChangeOnLastMonth()
    {
        var figures = Enumerable.Range(0, 14).Select(i => Figure("reach", 100 + i, October.AddMonths(-i))).ToList();

        var reach = ScorecardBuilder.Build(TestStrategy.Strategy, October, figures).Departments[0].Kpis[0];

        Assert.Equal(12, reach.History.Count);
        Assert.Equal(111, reach.History[0]);
        Assert.Equal(100, reach.History[^1]);
        Assert.Equal(-1, reach.ChangeOnPreviousMonth);
        Assert.Equal(-90, reach.VariancePercent);
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
        var churn = department.GetProperty("kpis")[1];
        Assert.Equal(JsonValueKind.Null, churn.GetProperty("actual").ValueKind);
        Assert.Equal("missing", churn.GetProperty("status").GetString());
    }
}
