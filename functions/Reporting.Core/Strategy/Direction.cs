namespace Reporting.Core.Strategy;

/// <summary>Which way a KPI should move for the organisation to be on track.</summary>
public enum Direction
{
    HigherIsBetter,
    LowerIsBetter,

    /// <summary>On track while inside the target's minimum and maximum.</summary>
    WithinRange,
}
