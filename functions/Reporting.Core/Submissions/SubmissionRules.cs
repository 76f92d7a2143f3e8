namespace Reporting.Core.Submissions;

/// <summary>Limits applied to every upload; configurable because organisations differ.</summary>
public sealed record SubmissionRules
{
    public long MaxBytes { get; init; } = 5 * 1024 * 1024;

    public int MaxRows { get; init; } = 10_000;

    /// <summary>How many problems are listed before the report stops adding more.</summary>
    public int MaxProblems { get; init; } = 100;
}
