using System.Globalization;
using Reporting.Core.Strategy;

namespace Reporting.Core.Submissions;

/// <summary>
/// The checks every upload gets once it is rows of cells, whether it came as CSV or as a sheet: the first non-blank
/// row is the header, then each row is checked, with the same row and problem limits for every format.
/// </summary>
internal static class SubmissionTable
{
    public static SubmissionResult Check(IEnumerable<SubmissionRow> rows, Department department, SubmissionRules rules, ProblemLocator locator, DecimalMark decimalMark)
    {
        var problems = new List<SubmissionProblem>();
        SubmissionRowChecker? checker = null;
        var figures = new List<KpiFigure>();
        var rowCount = 0;
        var blankCount = 0;
        var sawHeader = false;
        foreach (var row in rows)
        {
            if (row.IsBlank)
            {
                // Blank rows are skipped but counted: they cost reading, and millions of them are no submission.
                if (++blankCount > rules.MaxBlankRows)
                {
                    problems.Insert(0, SubmissionProblem.ForFile(string.Create(CultureInfo.InvariantCulture,
                        $"the {(locator.IsSheet ? "sheet" : "file")} has more than {rules.MaxBlankRows:N0} empty {locator.LineWord}s; delete them and upload again")));
                    break;
                }

                continue;
            }

            if (!sawHeader)
            {
                sawHeader = true;
                if (row.FieldCount > rules.MaxColumns)
                {
                    problems.Add(locator.At(row.Line, rules.MaxColumns + 1, "(none)", string.Create(CultureInfo.InvariantCulture,
                        $"the header has {(locator.IsSheet ? "a column past column " + Workbooks.CellReference.ColumnName(rules.MaxColumns) : $"{row.FieldCount:N0} fields, more than {rules.MaxColumns}")}; a submission's header names period, kpi, value and comment (and at most {rules.MaxColumns} columns), so delete the other columns")));
                    break;
                }

                var columns = SubmissionColumns.FromHeader(row.Cells, row.Line, locator, problems, rules.MaxProblems);
                if (problems.Count > 0)
                {
                    break;
                }

                checker = new SubmissionRowChecker(department, columns, row.Cells, rules, problems, locator, decimalMark);
                continue;
            }

            if (++rowCount > rules.MaxRows)
            {
                // The clearest answer for a huge file: say so first, whatever else was found on the way.
                problems.Insert(0, SubmissionProblem.ForFile(string.Create(CultureInfo.InvariantCulture, $"the file has more than {rules.MaxRows:N0} rows; a monthly submission has one row per KPI")));
                break;
            }

            // Past the problem cap, rows are only counted, so a huge file still gets its row-limit answer.
            if (problems.Count <= rules.MaxProblems && checker!.Check(row) is { } figure)
            {
                figures.Add(figure);
            }
        }

        if (!sawHeader)
        {
            problems.Add(SubmissionProblem.ForFile(locator.IsSheet
                ? "the sheet is empty; it needs a header row (period, kpi, value, comment) and one row per KPI"
                : "the file is empty; it needs a header line (period,kpi,value,comment) and one line per KPI"));
        }
        else if (rowCount == 0 && problems.Count == 0)
        {
            problems.Add(SubmissionProblem.ForFile(locator.IsSheet ? "the sheet has a header but no figures; add one row per KPI" : "the file has a header but no figures; add one line per KPI"));
        }

        var unlisted = Math.Max(0, problems.Count - rules.MaxProblems);
        if (problems.Count > rules.MaxProblems)
        {
            var shown = problems.Take(rules.MaxProblems).ToList();
            shown.Add(SubmissionProblem.ForFile(string.Create(CultureInfo.InvariantCulture, $"{problems.Count - rules.MaxProblems} more problems not listed; fix these and upload again")));
            problems = shown;
        }

        return problems.Count == 0
            ? new SubmissionResult(checker!.Period, figures, [])
            : new SubmissionResult(checker?.Period, [], problems) { UnlistedProblems = unlisted };
    }
}
