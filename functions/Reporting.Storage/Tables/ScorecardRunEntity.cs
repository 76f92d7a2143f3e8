namespace Reporting.Storage.Tables;

/// <summary>A stored <see cref="ScorecardRun"/>: partition = period, row = reversed start time, so the newest run comes first.</summary>
public sealed class ScorecardRunEntity : TableRow
{
    public string Trigger { get; set; } = "";
    public DateTimeOffset StartedUtc { get; set; }
    public long DurationMs { get; set; }
    public string Outcome { get; set; } = "";
    public int? Version { get; set; }
    public string? Error { get; set; }
    public string Host { get; set; } = "";

    /// <summary>While running: when the run counts as interrupted if it has not finished.</summary>
    public DateTimeOffset? ExpiresUtc { get; set; }
}
