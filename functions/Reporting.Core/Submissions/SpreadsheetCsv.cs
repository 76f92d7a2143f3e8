using System.Globalization;
using System.Text;

namespace Reporting.Core.Submissions;

/// <summary>
/// Writes CSV that opens cleanly in Excel (UTF-8 with BOM, CRLF, every field quoted) and cannot carry a formula:
/// a cell starting with =, +, -, @, tab or carriage return gets a leading apostrophe, so a spreadsheet shows it as text.
/// </summary>
public static class SpreadsheetCsv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Cell(string value)
    {
        var safe = value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.Append(string.Join(",", row.Select(Cell))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// The problems of an upload as a sheet: line, column, column name, problem, and the cell (<c>B7</c>) for a workbook's
    /// problems. The cell comes last so that tools reading the first four columns by position keep working.
    /// </summary>
    public static byte[] Problems(IEnumerable<SubmissionProblem> problems) => Write(
        ["line", "column", "column name", "problem", "cell"],
        problems.Select(p => new[] { p.Line == 0 ? "" : p.Line.ToString(CultureInfo.InvariantCulture), p.Column == 0 ? "" : p.Column.ToString(CultureInfo.InvariantCulture), p.ColumnName, p.Message, p.Cell ?? "" }));
}
