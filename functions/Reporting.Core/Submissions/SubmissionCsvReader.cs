using CsvHelper;
using Reporting.Core.Strategy;

namespace Reporting.Core.Submissions;

/// <summary>
/// Checks one department's monthly CSV against the submission contract (docs/submission-format.md) and the department's
/// KPIs. The dialects spreadsheets write are read as they are: comma, semicolon (then ',' is the decimal mark) or tab
/// as the delimiter; UTF-8, UTF-16 or Windows-1252 (see <see cref="CsvText"/>). Never throws for bad input: every
/// problem becomes a <see cref="SubmissionProblem"/>. Use <see cref="SubmissionReader"/> for uploads of any format.
/// </summary>
public sealed class SubmissionCsvReader(SubmissionRules rules)
{
    public SubmissionResult Read(Stream content, Department department) =>
        SubmissionReader.ReadBounded(content, rules.MaxBytes, out var bytes) is { } tooBig
            ? SubmissionResult.Rejected(tooBig)
            : Read(bytes, department);

    internal SubmissionResult Read(byte[] bytes, Department department)
    {
        var (text, encodingNote, problem) = CsvText.Decode(bytes);
        if (problem is not null)
        {
            return SubmissionResult.Rejected(problem);
        }

        var delimiter = DetectDelimiter(text!);
        var mark = delimiter switch { ',' => DecimalMark.Point, ';' => DecimalMark.Comma, _ => DecimalMark.Either };
        var result = SubmissionTable.Check(Rows(text!, delimiter), department, rules, ProblemLocator.Csv, mark);
        var notes = new List<string>();
        if (encodingNote is not null)
        {
            notes.Add(encodingNote);
        }

        if (delimiter == ';')
        {
            notes.Add("the file is separated by semicolons, so numbers were read with ',' as the decimal mark (as German and French Excel write them)");
        }

        return result with { Notes = notes };
    }

    private static IEnumerable<SubmissionRow> Rows(string text, char delimiter)
    {
        var options = new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = false,
            AllowLineBreaksInQuotes = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
        };
        using var csv = CsvReader.FromText(text, options);
        while (csv.Read())
        {
            var fields = new SubmissionCell[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = csv.GetString(i);
            }

            yield return new SubmissionRow((int)csv.LineNumber, fields);
        }
    }

    // The header decides: the delimiter it holds most of. Excel's "Unicode text" is tab-delimited.
    private static char DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        var counts = new[] { (Char: ',', Count: header.Count(c => c == ',')), (Char: ';', Count: header.Count(c => c == ';')), (Char: '\t', Count: header.Count(c => c == '\t')) };
        return counts.OrderByDescending(c => c.Count).First() is { Count: > 0 } most ? most.Char : ',';
    }
}
