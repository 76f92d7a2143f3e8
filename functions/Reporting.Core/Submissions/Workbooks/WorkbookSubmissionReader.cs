using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Reporting.Core.Strategy;

namespace Reporting.Core.Submissions.Workbooks;

/// <summary>
/// Reads an .xlsx upload with the Open XML SDK (streaming, row by row) after <see cref="WorkbookGuard"/> has bounded what it
/// unpacks to. The sheet named like the department (its id or name, any case) is read, else the first visible sheet;
/// numbers are numbers, date cells are dates (a period column may hold them), percent-formatted cells are percentages,
/// and every problem names its cell.
/// </summary>
internal sealed class WorkbookSubmissionReader(SubmissionRules rules)
{
    public SubmissionResult Read(byte[] workbook, Department department)
    {
        if (WorkbookGuard.Check(workbook, rules) is { } tooBig)
        {
            return SubmissionResult.Rejected(tooBig);
        }

        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(workbook, writable: false), false, new OpenSettings { MaxCharactersInPart = rules.MaxUnzippedBytes });
            if (document.WorkbookPart is not { Workbook: { } book } part)
            {
                return SubmissionResult.Rejected(SubmissionProblem.ForFile("this zip file is not an Excel workbook; upload an .xlsx saved by Excel, or a CSV"));
            }

            var sheets = book.Sheets?.Elements<Sheet>().Where(s => s.Id?.Value is { } id && part.TryGetPartById(id, out var p) && p is WorksheetPart).ToList() ?? [];
            var named = sheets.FirstOrDefault(s => NameMatches(s.Name?.Value, department));
            var sheet = named ?? sheets.FirstOrDefault(s => s.State?.Value is null || s.State.Value == SheetStateValues.Visible) ?? sheets.FirstOrDefault();
            if (sheet is null)
            {
                return SubmissionResult.Rejected(SubmissionProblem.ForFile("the workbook has no worksheet; put the figures on a sheet with the header period, kpi, value, comment"));
            }

            if (ReadSharedStrings(part.SharedStringTablePart) is not { } strings)
            {
                return SubmissionResult.Rejected(SubmissionProblem.ForFile(string.Create(CultureInfo.InvariantCulture,
                    $"the workbook's shared-string table holds more than {rules.MaxSharedStrings:N0} strings, far more than a monthly submission needs; copy the figures into a new workbook and upload that")));
            }

            var cells = new CellReader(strings, new CellStyleKinds(part.WorkbookStylesPart), book.WorkbookProperties?.Date1904?.Value == true);
            var rows = Rows((WorksheetPart)part.GetPartById(sheet.Id!.Value!), cells);
            var result = SubmissionTable.Check(rows, department, rules, ProblemLocator.Sheet, DecimalMark.Either);
            return sheets.Count > 1
                ? result with { Notes = [$"the workbook has {sheets.Count} sheets; read '{sheet.Name?.Value}' ({(named is null ? "the first sheet; name a sheet after the department to have that one read instead" : "named like the department")})"] }
                : result;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or XmlException or InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException or OverflowException or NotSupportedException)
        {
            return SubmissionResult.Rejected(SubmissionProblem.ForFile($"the workbook could not be read: it is damaged or not an Excel .xlsx file ({ex.Message.TrimEnd('.')}); save it again from Excel as .xlsx, or as CSV UTF-8"));
        }
    }

    private static bool NameMatches(string? sheetName, Department department) =>
        sheetName?.Trim() is { } name && (string.Equals(name, department.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(name, department.Name, StringComparison.OrdinalIgnoreCase));

    // Item by item, streaming: a table past the count limit is refused without reading the rest.
    private List<string>? ReadSharedStrings(SharedStringTablePart? table)
    {
        var strings = new List<string>();
        if (table is null)
        {
            return strings;
        }

        using var reader = OpenXmlReader.Create(table);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                if (strings.Count == rules.MaxSharedStrings)
                {
                    return null;
                }

                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                strings.Add(CellReader.TextOf(item));
            }
        }

        return strings;
    }

    private static IEnumerable<SubmissionRow> Rows(WorksheetPart sheet, CellReader cells)
    {
        using var reader = OpenXmlReader.Create(sheet);
        var previous = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var number = row.RowIndex?.Value is { } index ? (int)Math.Min(index, int.MaxValue) : previous + 1;
            previous = number;
            var values = new List<SubmissionCell>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? CellReference.ColumnOf(reference) : values.Count + 1;
                if (column < 1 || column > 16384 || column <= values.Count)
                {
                    continue; // no valid column, or out of order: Excel never writes either
                }

                while (values.Count < column - 1)
                {
                    values.Add("");
                }

                values.Add(cells.Read(cell));
            }

            while (values.Count > 0 && values[^1].IsEmpty)
            {
                values.RemoveAt(values.Count - 1);
            }

            yield return new SubmissionRow(number, [.. values]);
        }
    }
}
