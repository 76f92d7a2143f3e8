using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Testing;

namespace Reporting.Core.Tests;

public sealed class StrategyYamlTests
{
    private static List<string> ProblemsOf(string kpis) =>
        StrategyYaml.Parse($"""
            organisation: Test
            departments:
              - id: sales
                name: Sales
                kpis:
            {kpis}
            """).Problems.Select(p => p.ToString()).ToList();

    [Fact]
    public void Load_SampleStrategy_IsValidWithEightDepartmentsAndThirtyKpis()
    {
        var result = StrategyYaml.Load(RepositoryFiles.Path("samples", "strategy.yaml"));

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var strategy = result.Strategy!;
        Assert.Equal(8, strategy.Departments.Count);
        Assert.True(strategy.Departments.Sum(d => d.ScoredKpis.Count()) >= 30);
        var support = strategy.FindDepartment("customer-support")!;
        var cost = support.FindKpi("support-cost")!;
        Assert.Equal(Direction.LowerIsBetter, cost.Direction);
        Assert.Equal("EUR", cost.Unit.Currency);
        Assert.Equal(-0.20, cost.TargetRuleFor(new Period(2026, 3))!.Change);
        Assert.Equal(121500, cost.TargetRuleFor(new Period(2025, 12))!.Value);
        Assert.True(support.FindKpi("churn-rate")!.IsDerived);
        Assert.True(support.FindKpi("customers-lost")!.IsInput);
        Assert.Equal("Europe/London", strategy.TimeZone.Id);
        Assert.Equal(new Period(2026, 9), strategy.FindDepartment("transformation-office")!.FindKpi("ambassador-programme")!.Due);
    }

    [Fact]
    public void Parse_TheShapeOfEachKind_IsRead()
    {
        var result = StrategyYaml.Parse("""
            organisation: Test
            version: 7
            submissionDeadlineDay: 10
            departments:
              - id: support
                name: Support
                kpis:
                  - { id: time, name: Time, unit: duration, durationUnit: Hours, direction: lower, target: 6 }
                  - { id: posts, name: Posts, unit: count, direction: range, targets: [ { from: 2026-01, min: 10, max: 14 } ] }
                  - { id: cost, name: Cost, unit: currency, currency: GBP, direction: lower, targets: [ { from: 2026-01, change: -0.2, baseline: { from: 2025-01, to: 2025-12 } }, { period: 2026-12, value: 90 } ] }
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var kpis = result.Strategy!.Departments[0].Kpis;
        Assert.Equal(10, result.Strategy.SubmissionDeadlineDay);
        Assert.Equal(TimeZoneInfo.Utc, result.Strategy.TimeZone); // no timeZone: UTC
        Assert.Equal("hours", kpis[0].Unit.DurationUnit);
        Assert.Equal(Aggregation.Average, kpis[0].Aggregation);
        Assert.Equal(Direction.WithinRange, kpis[1].Direction);
        Assert.Equal(Aggregation.Sum, kpis[1].Aggregation);
        Assert.Equal(90, kpis[2].TargetRuleFor(new Period(2026, 12))!.Value);
        Assert.Equal(-0.2, kpis[2].TargetRuleFor(new Period(2027, 1))!.Change);
        Assert.Null(kpis[2].TargetRuleFor(new Period(2025, 12)));
    }

    public static TheoryData<string, string, string> BrokenKpis => new()
    {
        { "unknown unit", "{ id: a, name: A, unit: furlongs, direction: higher, target: 1 }",
            "departments[sales].kpis[a].unit: 'furlongs' is not a unit; use count, percent, ratio, currency, duration or milestone" },
        { "currency without code", "{ id: a, name: A, unit: currency, direction: higher, target: 1 }",
            "departments[sales].kpis[a].currency: a currency KPI needs a three-letter ISO code, for example 'currency: EUR' (got '')" },
        { "duration without unit", "{ id: a, name: A, unit: duration, direction: lower, target: 1 }",
            "departments[sales].kpis[a].durationUnit: a duration KPI needs 'durationUnit:' minutes, hours or days (got '')" },
        { "unknown direction", "{ id: a, name: A, unit: count, direction: up, target: 1 }",
            "departments[sales].kpis[a].direction: 'up' is not a direction; use higher, lower or range" },
        { "unknown aggregation", "{ id: a, name: A, unit: count, direction: higher, aggregation: median, target: 1 }",
            "departments[sales].kpis[a].aggregation: 'median' is not an aggregation; use sum, average or last" },
        { "tolerance over 100%", "{ id: a, name: A, unit: count, direction: higher, target: 1, amberTolerance: 2 }",
            "departments[sales].kpis[a].amberTolerance: 2 is not a fraction between 0 and 1 (0.1 means 10%)" },
        { "allowed range upside down", "{ id: a, name: A, unit: count, direction: higher, target: 1, allowed: { min: 10, max: 1 } }",
            "departments[sales].kpis[a].allowed: min 10 is greater than max 1" },
        { "no target", "{ id: a, name: A, unit: count, direction: higher }",
            "departments[sales].kpis[a].targets: a scored KPI needs a target ('target: 120' or 'targets:'); mark KPIs that only feed derived ones with 'input: true'" },
        { "overlapping target periods", "{ id: a, name: A, unit: count, direction: higher, targets: [ { from: 2026-01, to: 2026-08, value: 1 }, { from: 2026-07, value: 2 } ] }",
            "departments[sales].kpis[a].targets: the target from 2026-01 to 2026-08 overlaps the one from 2026-07 on; end the earlier one ('to:') before the later one starts" },
        { "two targets starting together", "{ id: a, name: A, unit: count, direction: higher, targets: [ { from: 2026-01, value: 1 }, { from: 2026-01, value: 2 } ] }",
            "departments[sales].kpis[a].targets: the target from 2026-01 on overlaps the one from 2026-01 on; end the earlier one ('to:') before the later one starts" },
        { "target period malformed", "{ id: a, name: A, unit: count, direction: higher, targets: [ { from: January, value: 1 } ] }",
            "departments[sales].kpis[a].targets[0].from: 'January' is not a period; write YYYY-MM" },
        { "target of two kinds", "{ id: a, name: A, unit: count, direction: higher, targets: [ { from: 2026-01, value: 1, change: 0.1 } ] }",
            "departments[sales].kpis[a].targets[0]: a target is exactly one of: 'value:', 'min:' with 'max:', or 'change:' with 'baseline:'" },
        { "change without baseline", "{ id: a, name: A, unit: count, direction: lower, targets: [ { from: 2026-01, change: -0.2 } ] }",
            "departments[sales].kpis[a].targets[0].baseline: a 'change:' target needs a 'baseline:' (a value, or from/to periods whose average is the baseline)" },
        { "range direction without range", "{ id: a, name: A, unit: count, direction: range, target: 5 }",
            "departments[sales].kpis[a].targets: a KPI with direction 'range' needs targets with 'min:' and 'max:'" },
        { "milestone without due", "{ id: a, name: A, unit: milestone }",
            "departments[sales].kpis[a].due: a milestone needs the period it is due, for example 'due: 2026-09'" },
        { "input with a target", "{ id: a, name: A, unit: count, input: true, target: 4 }",
            "departments[sales].kpis[a].targets: an input is not scored, so it takes no target; remove the target or 'input: true'" },
        { "derived from an unknown KPI", "{ id: a, name: A, unit: ratio, direction: higher, target: 1, derived: { numerator: [b], denominator: [c] } }",
            "departments[sales].kpis[a].derived: 'b' is not a KPI of this department" },
        { "bad KPI id", "{ id: 'A/B', name: A, unit: count, direction: higher, target: 1 }",
            "departments[sales].kpis[A/B].id: 'A/B' is not a valid KPI id: use 2 to 64 lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen (for example customer-support)" },
    };

    [Theory]
    [MemberData(nameof(BrokenKpis))]
    public void Parse_BrokenKpi_SaysExactlyWhatIsWrong(string variant, string kpi, string expected) =>
        Assert.True(ProblemsOf("      - " + kpi).Contains(expected), $"{variant}: {string.Join(" | ", ProblemsOf("      - " + kpi))}");

    [Fact]
    public void Parse_DerivedKpisInACycle_ReportTheCycle()
    {
        var problems = ProblemsOf("""
                  - { id: aa, name: A, unit: ratio, direction: higher, target: 1, derived: { numerator: [bb], denominator: [xx] } }
                  - { id: bb, name: B, unit: ratio, direction: higher, target: 1, derived: { numerator: [cc], denominator: [xx] } }
                  - { id: cc, name: C, unit: ratio, direction: higher, target: 1, derived: { numerator: [aa], denominator: [xx] } }
                  - { id: xx, name: X, unit: count, input: true }
            """);

        Assert.Equal(["departments[sales].kpis[aa].derived: derived KPIs depend on each other in a cycle: aa -> bb -> cc -> aa"], problems);
    }

    [Theory]
    [InlineData("Asia/Tokyo")]
    [InlineData("America/New_York")]
    [InlineData("UTC")]
    public void Parse_TimeZone_IsTheNamedZone(string zone)
    {
        var result = StrategyYaml.Parse($$"""
            organisation: Test
            timeZone: {{zone}}
            departments:
              - { id: sales, name: Sales, kpis: [ { id: reach, name: Reach, unit: count, direction: higher, target: 1 } ] }
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(zone), result.Strategy!.TimeZone);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("Europe/Londn")]
    [InlineData("'   '")]
    public void Parse_UnknownTimeZone_IsAnErrorThatSaysWhatToWrite(string zone)
    {
        var problems = StrategyYaml.Parse($$"""
            organisation: Test
            timeZone: {{zone}}
            departments:
              - { id: sales, name: Sales, kpis: [ { id: reach, name: Reach, unit: count, direction: higher, target: 1 } ] }
            """).Problems.Select(p => p.ToString()).ToList();

        var problem = Assert.Single(problems);
        Assert.StartsWith("timeZone: '", problem);
        Assert.EndsWith("' is not a known time zone; use an IANA id such as Europe/London, America/New_York or UTC (leave it out for UTC)", problem);
    }

    [Fact]
    public void Parse_FileWithManyMistakes_ReportsEveryOne()
    {
        const string yaml = """
            organisation: Test
            submissionDeadlineDay: 31
            departments:
              - id: Sales Team
                name: Sales
                kpis:
                  - { id: reach, name: Reach, unit: count, direction: higher, target: 1 }
                  - { id: reach, name: Reach again, unit: count, direction: higher, target: 1 }
              - id: sales-team
                name: ""
            """;

        var problems = StrategyYaml.Parse(yaml).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("submissionDeadlineDay: 31 is not a day between 1 and 28", problems);
        Assert.Contains(problems, p => p.StartsWith("departments[Sales Team].id: 'Sales Team' is not a valid department id"));
        Assert.Contains("departments[Sales Team].kpis[reach].id: KPI id 'reach' is used twice in this department", problems);
        Assert.Contains("departments[sales-team].name: a value is required", problems);
        Assert.Contains("departments[sales-team].kpis: a department needs at least one KPI", problems);
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
    [InlineData("sales?x", false)]
    [InlineData("sales\\hr", false)]
    [InlineData("sales\u0001", false)]
    [InlineData("sales\t", false)]
    public void ProblemWithDepartmentId_FollowsContainerNameRules(string id, bool valid) =>
        Assert.Equal(valid, Identifiers.ProblemWithDepartmentId(id) is null);
}
