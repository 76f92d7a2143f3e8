using System.Buffers;
using System.Globalization;
using System.Text;
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
        if (WidestRecord(text!, delimiter, rules.MaxColumns) is { } wide)
        {
            return SubmissionResult.Rejected(new SubmissionProblem(wide, rules.MaxColumns + 1, "(none)", string.Create(CultureInfo.InvariantCulture,
                $"this line has more than {rules.MaxColumns} fields, more than a submission has columns; a value that contains the delimiter must be in double quotes")));
        }

        var mark = delimiter switch { ',' => DecimalMark.Point, ';' => DecimalMark.Comma, _ => DecimalMark.Either };
        var result = SubmissionTable.Check(Rows(text!, delimiter, rules), department, rules, ProblemLocator.Csv, mark);
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

    // Rows as the table checks them, no wider than it reads: the header up to one field past the column limit (so the
    // limit can be told), then each line up to the header's width; fields past it are only counted, and a cell longer
    // than the readers keep is kept as its start and length. A blank line allocates nothing but its row.
    private static IEnumerable<SubmissionRow> Rows(string text, char delimiter, SubmissionRules rules)
    {
        var options = new CsvReaderOptions
        {
            Separator = delimiter,
            HasHeader = false,
            AllowLineBreaksInQuotes = true,
            TrimWhitespace = true,
            SkipEmptyLines = false, // empty lines are blank rows, counted toward submissions:maxBlankRows like any other
            TrackLineNumbers = true,
        };
        using var csv = CsvReader.FromText(text, options);
        var width = 0;
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            var count = csv.FieldCount;
            var kept = Math.Min(count, width == 0 ? rules.MaxColumns + 1 : width);
            if (IsBlank(csv, count))
            {
                yield return SubmissionRow.Blank(line);
                continue;
            }

            var fields = new SubmissionCell[kept];
            for (var i = 0; i < kept; i++)
            {
                fields[i] = Field(csv, i, rules.KeptCellCharacters);
            }

            width = width == 0 ? count : width;
            yield return new SubmissionRow(line, fields) { FieldCount = count, HasValuesPastCells = count > kept };
        }
    }

    private static SubmissionCell Field(CsvReader csv, int index, int keep)
    {
        var utf8 = csv.GetSpan(index);
        if (utf8.Length <= keep)
        {
            return csv.GetString(index);
        }

        var length = Encoding.UTF8.GetCharCount(utf8);
        return length <= keep
            ? csv.GetString(index)
            : new SubmissionCell(SubmissionText.Start(Encoding.UTF8.GetString(utf8[..Math.Min(utf8.Length, keep * 4)]), keep)) { Length = length };
    }

    // Blank as SubmissionCell.IsEmpty says (nothing but white space), decided on the bytes, so a blank line costs nothing.
    private static bool IsBlank(CsvReader csv, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var utf8 = csv.GetSpan(i);
            while (utf8.Length > 0)
            {
                if (Rune.DecodeFromUtf8(utf8, out var rune, out var consumed) != OperationStatus.Done || !Rune.IsWhiteSpace(rune))
                {
                    return false;
                }

                utf8 = utf8[consumed..];
            }
        }

        return true;
    }

    // The first line (1-based) with more fields than the limit, counted as RFC 4180 reads quotes, before the CSV reader
    // indexes any: a line of millions of delimiters would cost it an index of millions of fields.
    private static int? WidestRecord(string text, char delimiter, int max)
    {
        var (inQuotes, fields, line, recordLine) = (false, 1, 1, 1);
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == delimiter && !inQuotes && ++fields > max)
            {
                return recordLine;
            }
            else if (c == '\n')
            {
                line++;
                (fields, recordLine) = inQuotes ? (fields, recordLine) : (1, line);
            }
        }

        return null;
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
