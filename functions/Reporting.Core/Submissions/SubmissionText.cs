namespace Reporting.Core.Submissions;

/// <summary>
/// Text from an upload as messages quote it: at most <see cref="SubmissionProblem.MaxValueLength"/> characters, so a
/// problem costs the same whatever the cell, the column name or the shared string it quotes.
/// </summary>
internal static class SubmissionText
{
    public static string Quote(string text) =>
        text.Length <= SubmissionProblem.MaxValueLength ? text : Start(text, SubmissionProblem.MaxValueLength - 1) + "…";

    /// <summary>The first <paramref name="length"/> characters, one fewer when the last would be half of a surrogate pair.</summary>
    public static string Start(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];
}
