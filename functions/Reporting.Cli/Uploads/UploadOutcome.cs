using Reporting.Core.Submissions;

namespace Reporting.Cli.Uploads;

/// <summary>
/// What the pipeline answered for one upload; no <see cref="Status"/> when no answer came in time (<c>pending</c>), or
/// when the upload was not waited for (<c>uploaded</c>).
/// </summary>
internal sealed record UploadOutcome(LocalSubmission Submission, SubmissionStatus? Status, string Detail, bool Awaited = true)
{
    public bool IsPending => Status is null && Awaited;

    public bool IsRefused => Status is SubmissionStatus.Rejected or SubmissionStatus.Poisoned;

    /// <summary>The status as answers and history spell it, or <c>pending</c> or <c>uploaded</c>.</summary>
    public string Word => Status?.Word() ?? (Awaited ? "pending" : "uploaded");
}
