using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reporting.Core.Submissions.Workbooks;

/// <summary>
/// One cell's value as the checks read it: text as it is, numbers in invariant digits, percent-formatted numbers as
/// percentages (Excel stores 33.2% as 0.332), date cells as dates, errors as Excel shows them (#DIV/0!).
/// </summary>
internal sealed class CellReader(IReadOnlyList<string> sharedStrings, CellStyleKinds formats, bool date1904)
{
    public SubmissionCell Read(Cell cell)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                ? sharedStrings[index]
                : throw new InvalidDataException($"cell {cell.CellReference?.Value} points at shared string {raw}, which the workbook does not have");
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? TextOf(inline) : "";
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        if (type == CellValues.Date)
        {
            return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso) ? AsDate(iso) : raw;
        }

        if ((type is not null && type != CellValues.Number) || raw.Length == 0
            || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw; // formula text results and errors (#DIV/0!) as Excel shows them
        }

        switch (formats.KindOf(cell.StyleIndex?.Value))
        {
            case CellKind.Date when number is >= 0 and < 2958466:
                return AsDate(DateTime.FromOADate(number + (date1904 ? 1462 : 0)));
            case CellKind.Percent:
                // Through decimal, so 0.332 becomes 33.2 and not 33.199999999999996.
                return (Math.Abs(number) < 1e15 ? (double)((decimal)number * 100) : number * 100).ToString("R", CultureInfo.InvariantCulture);
            default:
                return number.ToString("R", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The text of a shared or inline string: its plain text, or its rich-text runs joined (phonetic hints left out).</summary>
    public static string TextOf(DocumentFormat.OpenXml.OpenXmlCompositeElement item) =>
        item.GetFirstChild<Text>()?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private static SubmissionCell AsDate(DateTime date) => new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.FromDateTime(date));
}
