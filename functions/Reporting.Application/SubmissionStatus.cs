namespace Reporting.Application;

/// <summary>The status words of a submission, as written in its result and its history record.</summary>
public static class SubmissionStatus
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Poisoned = "poisoned";
}
