namespace Reporting.Core.Submissions;

/// <summary>
/// What became of one upload. Stored in its history record and written in its answer as a lowercase word
/// (<see cref="SubmissionStatusWords"/>, the one place that spells them).
/// </summary>
public enum SubmissionStatus
{
    /// <summary>Checked, stored and in force.</summary>
    Accepted,

    /// <summary>Checked and refused; nothing was stored.</summary>
    Rejected,

    /// <summary>Processing kept failing until the attempts ran out; the poison handler answered it.</summary>
    Poisoned,

    /// <summary>Accepted and stored, but a newer upload for the same month (by the storage service's time) is in force.</summary>
    Superseded,

    /// <summary>A new version of a file whose content had already been received (only its properties or metadata changed): nothing re-submitted.</summary>
    Unchanged,
}
