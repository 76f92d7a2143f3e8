using Reporting.Core.Strategy;
using Reporting.Testing;

namespace Reporting.Core.Tests;

public sealed class StrategyYamlTests
{
    [Fact]
    public void Load_SampleStrategy_IsValidWithEightDepartments()
    {
        var result = StrategyYaml.Load(RepositoryFiles.Path("samples", "strategy.yaml"));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(8, result.Strategy!.Departments.Count);
        Assert.True(result.Strategy.Departments.Sum(d => d.Kpis.Count) >= 30);
        var supportCost = result.Strategy.FindDepartment("customer-support")!.FindKpi("support-cost")!;
        Assert.Equal(Direction.LowerIsBetter, supportCost.Direction);
    }

    [Fact]
    public void Parse_FileWithManyMistakes_ReportsEveryOne()
    {
        const string yaml = """
            organisation: Test
            departments:
              - id: Sales Team
                name: Sales
                kpis:
                  - { id: reach, name: Reach, unit: furlongs, direction: up, amberTolerance: 2 }
                  - { id: reach, name: Reach again, unit: count, direction: higher, min: 10, max: 1 }
              - id: sales-team
                name: ""
            """;

        var problems = StrategyYaml.Parse(yaml).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains(problems, p => p.StartsWith("departments[0].id: 'Sales Team' is not a valid department id"));
        Assert.Contains("departments[0].kpis[0].unit: unit 'furlongs' is not known; use one of count, percent, ratio, currency, hours, days, minutes, milestone", problems);
        Assert.Contains("departments[0].kpis[0].direction: direction 'up' is not known; use higher or lower", problems);
        Assert.Contains("departments[0].kpis[0].amberTolerance: 2 is not a fraction between 0 and 1 (0.1 means 10%)", problems);
        Assert.Contains("departments[0].kpis[1].id: KPI id 'reach' is used twice in this department", problems);
        Assert.Contains("departments[0].kpis[1].min: min 10 is greater than max 1", problems);
        Assert.Contains("departments[1].name: a value is required", problems);
        Assert.Contains("departments[1].kpis: a department needs at least one KPI", problems);
    }

    [Theory]
    [InlineData("organisation: [unclosed")]
    [InlineData("departments: 5")]
    public void Parse_BrokenYaml_ReportsWhereInsteadOfThrowing(string yaml)
    {
        var result = StrategyYaml.Parse(yaml);
        Assert.False(result.IsValid);
        Assert.StartsWith("line ", Assert.Single(result.Problems).Path);
    }

    [Theory]
    [InlineData("sales", true)]
    [InlineData("customer-support", true)]
    [InlineData("a", false)]
    [InlineData("Sales", false)]
    [InlineData("sales--team", false)]
    [InlineData("-sales", false)]
    [InlineData("sales-", false)]
    [InlineData("sales/../hr", false)]
    [InlineData("sales#1", false)]
    public void ProblemWithDepartmentId_FollowsContainerNameRules(string id, bool valid) =>
        Assert.Equal(valid, Identifiers.ProblemWithDepartmentId(id) is null);
}
