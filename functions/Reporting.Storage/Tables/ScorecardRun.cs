namespace Reporting.Storage.Tables;

/// <summary>One run of the scorecard renderer: what it rendered, why, how long it took and how it ended.</summary>
public sealed record ScorecardRun(
    string Period,
    string Trigger,
    DateTimeOffset StartedUtc,
    long DurationMs,
    string Outcome,
    int? Version,
    string? Error,
    string Host);
