namespace Reporting.Cli.Uploads;

/// <summary>What the pipeline answered for one upload; <c>pending</c> when no answer came in time.</summary>
internal sealed record UploadOutcome(LocalSubmission Submission, string Status, string Detail);
