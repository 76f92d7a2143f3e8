namespace Reporting.Core.Scoring;

/// <summary>
/// Where a KPI has been heading, judged in its own direction (lower cost is better; a range KPI by its distance from
/// the band). Defined in docs/strategy-format.md ("Trend, variance and movers") so every label in the pack agrees.
/// </summary>
public enum Trend
{
    /// <summary>No figure this month, fewer than three figures in the last six months, or a milestone.</summary>
    Unknown,

    /// <summary>Better over the last six months, and not worse this month.</summary>
    Better,

    /// <summary>Less than 1% a month either way over the last six months.</summary>
    Steady,

    /// <summary>Worse over the last six months, and not better this month.</summary>
    Worse,

    /// <summary>Better over six months but worse this month, or the reverse: neither word would be honest alone.</summary>
    Mixed,
}
