namespace Reporting.Core.Scoring;

/// <summary>A KPI's value for one month, or why there is none ("not submitted", "cannot divide by zero: ...").</summary>
public sealed record Measurement(double? Value, string? MissingReason, string? Comment)
{
    public static Measurement Missing(string reason) => new(null, reason, null);
}
