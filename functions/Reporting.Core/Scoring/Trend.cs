namespace Reporting.Core.Scoring;

/// <summary>Where a KPI has been heading over the last months, judged in its own direction (lower cost is improving).</summary>
public enum Trend
{
    Unknown,
    Improving,
    Steady,
    Worsening,
}
