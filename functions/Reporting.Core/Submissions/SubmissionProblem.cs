using System.Globalization;
namespace Reporting.Core.Submissions;

/// <summary>
/// One thing wrong with an uploaded file, located the way a spreadsheet user finds it:
/// the line in the file and the column's position and header name. Line 0 means the file as a whole.
/// </summary>
public sealed record SubmissionProblem(int Line, int Column, string ColumnName, string Message)
{
    public static SubmissionProblem ForFile(string message) => new(0, 0, "", message);

    public override string ToString() => Line == 0
        ? $"file: {Message}"
        : string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column} ({ColumnName}): {Message}");
}
