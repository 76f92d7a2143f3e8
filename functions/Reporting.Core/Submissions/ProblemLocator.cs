using Reporting.Core.Submissions.Workbooks;

namespace Reporting.Core.Submissions;

/// <summary>
/// Says where a problem is in the words of the file's own tool: line and column for a CSV, and for a sheet also the
/// cell (<c>B7</c>) that Excel shows, with "row" instead of "line" in messages.
/// </summary>
internal sealed record ProblemLocator(bool IsSheet)
{
    public static readonly ProblemLocator Csv = new(false);
    public static readonly ProblemLocator Sheet = new(true);

    public string LineWord => IsSheet ? "row" : "line";

    public SubmissionProblem At(int line, int column, string columnName, string message) =>
        new(line, column, columnName, message) { Cell = IsSheet && column > 0 && line > 0 ? CellReference.Of(column, line) : null };
}
