using System.Globalization;
namespace Reporting.Core.Submissions;

/// <summary>
/// One thing wrong with an uploaded file, located the way a spreadsheet user finds it:
/// the line in the file and the column's position and header name. Line 0 means the file as a whole.
/// In a workbook (.xlsx) the line is the sheet's row number and <see cref="Cell"/> names the cell, e.g. <c>B7</c>,
/// because that is what Excel shows; CSV problems have no cell.
/// </summary>
public sealed record SubmissionProblem(int Line, int Column, string ColumnName, string Message)
{
    /// <summary>The spreadsheet cell (<c>B7</c>) for a problem in a workbook; null for CSV and whole-file problems.</summary>
    public string? Cell { get; init; }

    /// <summary>What the cell held, as written (cut to <see cref="MaxValueLength"/> characters), when the problem is with one cell's value; null otherwise.</summary>
    public string? Value { get; init; }

    public const int MaxValueLength = 100;

    public static SubmissionProblem ForFile(string message) => new(0, 0, "", message);

    public override string ToString() => (Line, Cell) switch
    {
        (0, _) => $"file: {Message}",
        (_, { } cell) => $"cell {cell} ({ColumnName}): {Message}",
        _ => string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column} ({ColumnName}): {Message}"),
    };
}
