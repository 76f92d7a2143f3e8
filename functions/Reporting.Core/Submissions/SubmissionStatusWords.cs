namespace Reporting.Core.Submissions;

/// <summary>The words a <see cref="SubmissionStatus"/> is stored and written as: the same words as ever, so old rows and answers read.</summary>
public static class SubmissionStatusWords
{
    public static string Word(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.Accepted => "accepted",
        SubmissionStatus.Rejected => "rejected",
        SubmissionStatus.Poisoned => "poisoned",
        SubmissionStatus.Superseded => "superseded",
        SubmissionStatus.Unchanged => "unchanged",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a submission status"),
    };

    /// <summary>Reads a stored word back; anything else fails with <see cref="FormatException"/> naming the word.</summary>
    public static SubmissionStatus Parse(string word) => TryParse(word, out var status)
        ? status
        : throw new FormatException($"'{word}' is not a submission status (accepted, rejected, poisoned, superseded, unchanged)");

    public static bool TryParse(string? word, out SubmissionStatus status)
    {
        foreach (var candidate in Enum.GetValues<SubmissionStatus>())
        {
            if (string.Equals(candidate.Word(), word, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
