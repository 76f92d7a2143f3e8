namespace Reporting.Core.Submissions;

/// <summary>
/// One row of an upload: its line in a CSV or its row number in a sheet, and its cells from the first column on, read
/// no further than the readers need (the header's columns): <see cref="FieldCount"/> is how many fields a CSV line had
/// in all, and <see cref="Stray"/> the first value a sheet's row had past the header's last column, unread beyond that.
/// </summary>
internal sealed record SubmissionRow(int Line, SubmissionCell[] Cells)
{
    public int FieldCount { get; init; } = Cells.Length;

    /// <summary>The first non-empty cell past the header's last column (a sheet's), with its 1-based column; null when none.</summary>
    public (int Column, SubmissionCell Cell)? Stray { get; init; }

    /// <summary>Whether the row had values past <see cref="Cells"/>: a CSV line's further fields, or a header row's cells past the column limit.</summary>
    public bool HasValuesPastCells { get; init; }

    public bool IsBlank => Stray is null && !HasValuesPastCells && Cells.All(c => c.IsEmpty);

    public static SubmissionRow Blank(int line) => new(line, []);
}
