using System.Globalization;

namespace Reporting.Core.Submissions.Workbooks;

/// <summary>
/// One cell's value as the checks read it: text as it is, numbers in invariant digits, percent-formatted numbers as
/// percentages (Excel stores 33.2% as 0.332), date cells as dates, errors as Excel shows them (#DIV/0!).
/// </summary>
internal sealed class CellReader(IReadOnlyList<SubmissionCell> sharedStrings, CellStyleKinds formats, bool date1904)
{
    /// <param name="type">The cell's <c>t</c>; null for a number.</param>
    /// <param name="style">The cell's <c>s</c>, an index into the cell formats; null for none.</param>
    /// <param name="value">The text of its <c>v</c>.</param>
    /// <param name="inline">The text of its <c>is</c>, for an inline string.</param>
    /// <param name="reference">The cell's name (B7), for the message when it points at a shared string that is not there.</param>
    public SubmissionCell Read(CellType? type, uint? style, SubmissionCell value, SubmissionCell inline, Func<string> reference)
    {
        var raw = value.Text;
        switch (type)
        {
            case CellType.SharedString:
                return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Count
                    ? sharedStrings[index]
                    : throw new InvalidDataException($"cell {reference()} points at shared string {SubmissionText.Quote(raw)}, which the workbook does not have");
            case CellType.InlineString:
                return inline;
            case CellType.Boolean:
                return raw == "1" ? "TRUE" : "FALSE";
            case CellType.Date:
                return DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var iso) ? AsDate(iso) : value;
        }

        if ((type is not null && type != CellType.Number) || raw.Length == 0 || value.IsCut
            || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value; // formula text results and errors (#DIV/0!) as Excel shows them
        }

        switch (formats.KindOf(style))
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

    /// <summary>A cell's <c>t</c> attribute; null when absent (a number).</summary>
    public static CellType? TypeOf(ReadOnlySpan<char> t) => t switch
    {
        [] => null,
        "s" => CellType.SharedString,
        "inlineStr" => CellType.InlineString,
        "b" => CellType.Boolean,
        "d" => CellType.Date,
        "n" => CellType.Number,
        "e" => CellType.Error,
        _ => CellType.Text,
    };

    private static SubmissionCell AsDate(DateTime date) => new(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.FromDateTime(date));
}

/// <summary>What a cell's <c>t</c> says it holds.</summary>
internal enum CellType
{
    Number,
    SharedString,
    InlineString,
    Boolean,
    Date,
    Error,
    Text,
}
