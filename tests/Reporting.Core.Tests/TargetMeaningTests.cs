using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Core.Tests;

/// <summary>Target entries mean what docs/strategy-format.md says; the validator warns where that could surprise.</summary>
public sealed class TargetMeaningTests
{
    private static StrategyLoadResult Parse(string targets) => StrategyYaml.Parse($$"""
        organisation: Org
        departments:
          - id: sales
            name: Sales
            kpis:
              - id: reach
                name: Reach
                unit: count
                direction: higher
                targets:
        {{targets}}
        """);

    private static KpiDefinition Reach(StrategyLoadResult result) => result.GetValidStrategy().Departments[0].Kpis[0];

    [Fact]
    public void FromAndToTheSameMonth_EndsThere_SoTheNextMonthHasNoTarget()
    {
        var result = Parse("""
                  - { from: 2026-01, to: 2026-02, value: 100 }
                  - { from: 2026-03, to: 2026-03, value: 150 }
        """);
        var reach = Reach(result);

        Assert.Equal(150, reach.TargetRuleFor(new Period(2026, 3))!.Value);
        Assert.Null(reach.TargetRuleFor(new Period(2026, 4)));
        var warning = Assert.Single(result.WarningsOrEmpty);
        Assert.Contains("write 'period: 2026-03'", warning.Message);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Period_IsAOneMonthOverride_AfterWhichTheEarlierTargetReturns()
    {
        var result = Parse("""
                  - { from: 2026-01, value: 100 }
                  - { period: 2026-03, value: 150 }
        """);
        var reach = Reach(result);

        Assert.Equal(150, reach.TargetRuleFor(new Period(2026, 3))!.Value);
        Assert.Equal(100, reach.TargetRuleFor(new Period(2026, 4))!.Value);
        Assert.Empty(result.WarningsOrEmpty);
    }

    [Fact]
    public void AnEntryThatEndsBeforeTheNextStarts_IsWarnedAbout()
    {
        var result = Parse("""
                  - { from: 2026-01, to: 2026-03, value: 100 }
                  - { from: 2026-06, value: 150 }
        """);

        var warning = Assert.Single(result.WarningsOrEmpty);
        Assert.Contains("months after 2026-03 have no target until 2026-06", warning.Message);
        Assert.Null(Reach(result).TargetRuleFor(new Period(2026, 4)));
    }

    [Fact]
    public void SampleStrategy_HasNoWarnings() =>
        Assert.Empty(StrategyYaml.Load(Testing.RepositoryFiles.Path("samples", "strategy.yaml")).WarningsOrEmpty);
}
