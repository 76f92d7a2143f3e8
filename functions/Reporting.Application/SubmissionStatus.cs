namespace Reporting.Application;

/// <summary>The status words of a submission, as written in its result and its history record.</summary>
public static class SubmissionStatus
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Poisoned = "poisoned";

    /// <summary>Accepted and stored, but a newer upload for the same month (by the storage service's time) is in force.</summary>
    public const string Superseded = "superseded";

    /// <summary>A new version of a file whose content had already been received (only its properties or metadata changed): nothing re-submitted.</summary>
    public const string Unchanged = "unchanged";
}
