namespace Reporting.Core.Submissions;

/// <summary>
/// One value as the upload holds it: its text, and for a workbook's date cell the date itself, so a period column
/// typed as a date in Excel ("Oct 2026", 01.10.2026) is read as that month rather than as text. A cell longer than the
/// readers keep (<see cref="SubmissionRules.KeptCellCharacters"/>) holds only its start, and <see cref="Length"/> says
/// how long it was: no check needs more, and a long cell costs no more than a short one.
/// </summary>
internal readonly record struct SubmissionCell(string Text, DateOnly? Date = null)
{
    private readonly int _length;

    public static implicit operator SubmissionCell(string text) => new(text);

    /// <summary>The cell's length in characters as the upload holds it, even when <see cref="Text"/> is only its start.</summary>
    public int Length { get => Math.Max(_length, Text?.Length ?? 0); init => _length = value; }

    /// <summary>Whether <see cref="Text"/> is only the start of a longer cell.</summary>
    public bool IsCut => Length > (Text?.Length ?? 0);

    public bool IsEmpty => Date is null && !IsCut && string.IsNullOrWhiteSpace(Text);

    /// <summary>The text, keeping at most <paramref name="keep"/> characters (never splitting a surrogate pair) and its full length.</summary>
    public static SubmissionCell Kept(string text, int keep) =>
        text.Length <= keep ? new(text) : new(SubmissionText.Start(text, keep)) { Length = text.Length };
}
