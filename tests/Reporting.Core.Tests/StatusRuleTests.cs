using Reporting.Core.Scoring;
using Reporting.Core.Strategy;

namespace Reporting.Core.Tests;

public sealed class StatusRuleTests
{
    private static KpiDefinition Kpi(Direction direction, double tolerance) =>
        new("k", "K", "count", direction, null, tolerance, null, null);

    [Theory]
    // higher is better, target 100, tolerance 10%
    [InlineData(Direction.HigherIsBetter, 120, 100, 0.1, KpiStatus.Green)]
    [InlineData(Direction.HigherIsBetter, 100, 100, 0.1, KpiStatus.Green)]
    [InlineData(Direction.HigherIsBetter, 95, 100, 0.1, KpiStatus.Amber)]
    [InlineData(Direction.HigherIsBetter, 90, 100, 0.1, KpiStatus.Amber)] // exactly on the tolerance boundary
    [InlineData(Direction.HigherIsBetter, 89.99, 100, 0.1, KpiStatus.Red)]
    [InlineData(Direction.HigherIsBetter, 0, 100, 0.1, KpiStatus.Red)]
    // lower is better, target 2, tolerance 25%
    [InlineData(Direction.LowerIsBetter, 1.5, 2, 0.25, KpiStatus.Green)]
    [InlineData(Direction.LowerIsBetter, 2, 2, 0.25, KpiStatus.Green)]
    [InlineData(Direction.LowerIsBetter, 2.5, 2, 0.25, KpiStatus.Amber)] // boundary
    [InlineData(Direction.LowerIsBetter, 2.51, 2, 0.25, KpiStatus.Red)]
    // zero tolerance: any miss is red
    [InlineData(Direction.HigherIsBetter, 0, 1, 0, KpiStatus.Red)]
    [InlineData(Direction.HigherIsBetter, 1, 1, 0, KpiStatus.Green)]
    // negative target (e.g. a change): tolerance is taken on its size
    [InlineData(Direction.LowerIsBetter, -18, -20, 0.1, KpiStatus.Amber)]
    [InlineData(Direction.LowerIsBetter, -15, -20, 0.1, KpiStatus.Red)]
    public void Evaluate_ActualAgainstTarget_GivesStatus(Direction direction, double actual, double target, double tolerance, KpiStatus expected) =>
        Assert.Equal(expected, StatusRule.Evaluate(Kpi(direction, tolerance), actual, target));

    [Fact]
    public void Evaluate_NoFigure_IsMissing() =>
        Assert.Equal(KpiStatus.Missing, StatusRule.Evaluate(Kpi(Direction.HigherIsBetter, 0.1), null, 100));

    [Fact]
    public void Evaluate_NoTarget_IsMissing() =>
        Assert.Equal(KpiStatus.Missing, StatusRule.Evaluate(Kpi(Direction.HigherIsBetter, 0.1), 5, null));
}
