using System.Globalization;
using System.Text;
using CsvHelper;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Core.Submissions;

/// <summary>
/// Checks one department's monthly CSV against the submission contract (docs/submission-format.md)
/// and the department's KPIs. Never throws for bad input: every problem becomes a <see cref="SubmissionProblem"/>.
/// </summary>
public sealed class SubmissionCsvReader(SubmissionRules rules)
{
    public SubmissionResult Read(Stream content, Department department)
    {
        var text = ReadText(content, out var fileProblem);
        if (fileProblem is not null)
        {
            return SubmissionResult.Rejected(fileProblem);
        }

        var problems = new List<SubmissionProblem>();
        var figures = ReadRows(text!, department, problems, out var period);
        if (problems.Count > rules.MaxProblems)
        {
            var shown = problems.Take(rules.MaxProblems).ToList();
            shown.Add(SubmissionProblem.ForFile(string.Create(CultureInfo.InvariantCulture, $"{problems.Count - rules.MaxProblems} more problems not listed; fix these and upload again")));
            problems = shown;
        }

        return problems.Count == 0
            ? new SubmissionResult(period, figures, [])
            : new SubmissionResult(period, [], problems);
    }

    private string? ReadText(Stream content, out SubmissionProblem? problem)
    {
        problem = null;
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > rules.MaxBytes)
            {
                problem = SubmissionProblem.ForFile(string.Create(CultureInfo.InvariantCulture, $"the file is larger than the limit of {rules.MaxBytes:N0} bytes; split it or ask an admin to raise the limit"));
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();
        if (text.Trim().Length == 0)
        {
            problem = SubmissionProblem.ForFile("the file is empty; it needs a header line (period,kpi,value,comment) and one line per KPI");
            return null;
        }

        if (text.Contains('\0', StringComparison.Ordinal) || text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            problem = SubmissionProblem.ForFile("this is not a text CSV file (it contains binary data); export the sheet as CSV (UTF-8)");
            return null;
        }

        return text;
    }

    private List<KpiFigure> ReadRows(string text, Department department, List<SubmissionProblem> problems, out Period? period)
    {
        period = null;
        var options = new CsvReaderOptions
        {
            Separator = DetectDelimiter(text),
            HasHeader = false,
            AllowLineBreaksInQuotes = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
        };
        using var csv = CsvReader.FromText(text, options);
        if (!csv.Read())
        {
            problems.Add(SubmissionProblem.ForFile("the file has no header line"));
            return [];
        }

        var header = Fields(csv);
        var columns = SubmissionColumns.FromHeader(header, problems);
        if (problems.Count > 0)
        {
            return [];
        }

        var rows = new SubmissionRowChecker(department, columns, header.Length, rules, problems);
        var figures = new List<KpiFigure>();
        var rowCount = 0;
        while (csv.Read())
        {
            var record = Fields(csv);
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (++rowCount > rules.MaxRows)
            {
                // The clearest answer for a huge file: say so first, whatever else was found on the way.
                problems.Insert(0, SubmissionProblem.ForFile(string.Create(CultureInfo.InvariantCulture, $"the file has more than {rules.MaxRows:N0} rows; a monthly submission has one row per KPI")));
                break;
            }

            // Past the problem cap, rows are only counted, so a huge file still gets its row-limit answer.
            if (problems.Count <= rules.MaxProblems && rows.Check(record, csv.LineNumber) is { } figure)
            {
                figures.Add(figure);
            }
        }

        if (rowCount == 0 && problems.Count == 0)
        {
            problems.Add(SubmissionProblem.ForFile("the file has a header but no figures; add one line per KPI"));
        }

        period = rows.Period;
        return figures;
    }

    private static string[] Fields(CsvReader csv)
    {
        var fields = new string[csv.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = csv.GetString(i);
        }

        return fields;
    }

    private static char DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
    }
}
