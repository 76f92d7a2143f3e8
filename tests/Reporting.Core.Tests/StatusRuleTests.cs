using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Testing;

namespace Reporting.Core.Tests;

public sealed class StatusRuleTests
{
    private static readonly Period October = new(2026, 10);

    private static Target Value(double value) => new(value, null, null, "");

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
    [InlineData(Direction.HigherIsBetter, 0.999, 1, 0, KpiStatus.Red)]
    [InlineData(Direction.HigherIsBetter, 1, 1, 0, KpiStatus.Green)]
    // negative target (a change): the tolerance is taken on its size
    [InlineData(Direction.LowerIsBetter, -18, -20, 0.1, KpiStatus.Amber)]
    [InlineData(Direction.LowerIsBetter, -15, -20, 0.1, KpiStatus.Red)]
    // target zero: only meeting it is green
    [InlineData(Direction.LowerIsBetter, 0, 0, 0.1, KpiStatus.Green)]
    [InlineData(Direction.LowerIsBetter, 0.5, 0, 0.1, KpiStatus.Red)]
    public void Evaluate_ActualAgainstTarget_GivesStatus(Direction direction, double actual, double target, double tolerance, KpiStatus expected)
    {
        var kpi = new KpiBuilder("k").Tolerance(tolerance).Build() with { Direction = direction };
        Assert.Equal(expected, StatusRule.Evaluate(kpi, actual, Value(target), October));
    }

    [Theory]
    // range 10..14, tolerance 25% of the width (1 either side)
    [InlineData(12, KpiStatus.Green)]
    [InlineData(10, KpiStatus.Green)]
    [InlineData(14, KpiStatus.Green)]
    [InlineData(9, KpiStatus.Amber)]  // boundary below
    [InlineData(15, KpiStatus.Amber)] // boundary above
    [InlineData(8.9, KpiStatus.Red)]
    [InlineData(15.1, KpiStatus.Red)]
    public void Evaluate_RangeTarget_GreenInsideAmberJustOutside(double actual, KpiStatus expected)
    {
        var kpi = new KpiBuilder("posts").Range(10, 14).Tolerance(0.25).Build();
        Assert.Equal(expected, StatusRule.Evaluate(kpi, actual, new Target(null, 10, 14, ""), October));
    }

    [Theory]
    [InlineData(1, "2026-12", KpiStatus.Green)]  // done early
    [InlineData(1, "2026-01", KpiStatus.Green)]  // done late, but done
    [InlineData(0, "2026-12", KpiStatus.Green)]  // not done, not yet due
    [InlineData(0, "2026-10", KpiStatus.Amber)]  // not done in its due month
    [InlineData(0, "2026-09", KpiStatus.Red)]    // past due
    public void Evaluate_Milestone_ByDoneAndDuePeriod(double done, string due, KpiStatus expected)
    {
        var kpi = new KpiBuilder("m").Milestone(due).Build();
        Assert.Equal(expected, StatusRule.Evaluate(kpi, done, Value(1), October));
    }

    [Fact]
    public void Evaluate_NoFigure_IsMissing() =>
        Assert.Equal(KpiStatus.Missing, StatusRule.Evaluate(new KpiBuilder("k").Build(), null, Value(100), October));

    [Fact]
    public void Evaluate_NoTarget_IsMissing() =>
        Assert.Equal(KpiStatus.Missing, StatusRule.Evaluate(new KpiBuilder("k").Build(), 5, null, October));
}
