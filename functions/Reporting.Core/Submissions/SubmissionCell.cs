namespace Reporting.Core.Submissions;

/// <summary>
/// One value as the upload holds it: its text, and for a workbook's date cell the date itself, so a period column
/// typed as a date in Excel ("Oct 2026", 01.10.2026) is read as that month rather than as text.
/// </summary>
internal readonly record struct SubmissionCell(string Text, DateOnly? Date = null)
{
    public static implicit operator SubmissionCell(string text) => new(text);

    public bool IsEmpty => Date is null && string.IsNullOrWhiteSpace(Text);
}
