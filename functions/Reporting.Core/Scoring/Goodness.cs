using Reporting.Core.Strategy;

namespace Reporting.Core.Scoring;

/// <summary>
/// The one place that says which way is "better" for a KPI, used by the trend, the change on last month and the movers,
/// so they can never disagree: higher values for <c>higher</c>, lower for <c>lower</c>, and for <c>range</c> a smaller
/// distance outside the band (every value inside the band is equally good).
/// </summary>
public static class Goodness
{
    /// <summary>Moves smaller than this share (1%) of the reference value are steady, so rounding noise is never a "mover".</summary>
    public const double SteadyBand = 0.01;

    /// <summary>A number that grows as the KPI gets better; only differences between two months are meaningful.</summary>
    public static double Score(Direction direction, double value, Target? target) => direction switch
    {
        Direction.LowerIsBetter => -value,
        Direction.WithinRange when target is { IsRange: true } => -DistanceFromBand(value, target),
        _ => value,
    };

    /// <summary>How far a value lies outside a range target's band; 0 inside it.</summary>
    public static double DistanceFromBand(double value, Target range) =>
        value < range.Min ? range.Min.Value - value : value > range.Max ? value - range.Max.Value : 0;

    /// <summary>The change from one month to the next as a percentage of the earlier value, positive when it got better.</summary>
    public static double? ChangePercent(Direction direction, double? from, double? to, Target? target) =>
        from is { } earlier && to is { } later && earlier != 0
            ? (Score(direction, later, target) - Score(direction, earlier, target)) / Math.Abs(earlier) * 100
            : null;

    /// <summary>Better, worse or steady for a change in percent (see <see cref="SteadyBand"/>); unknown without one.</summary>
    public static Trend Classify(double? percent) => percent switch
    {
        null => Trend.Unknown,
        > SteadyBand * 100 => Trend.Better,
        < -SteadyBand * 100 => Trend.Worse,
        _ => Trend.Steady,
    };
}
