namespace Reporting.Core.Submissions;

/// <summary>One row of an upload: its line in a CSV or its row number in a sheet, and its cells from the first column on.</summary>
internal sealed record SubmissionRow(int Line, SubmissionCell[] Cells)
{
    public bool IsBlank => Cells.All(c => c.IsEmpty);
}
