using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reporting.Core.Submissions.Workbooks;

/// <summary>
/// What a cell's style says its number is: a date (the built-in date formats and any custom format with d, m or y
/// outside quotes and brackets), a percentage (stored as a fraction: 33.2% is 0.332), or a plain number.
/// </summary>
internal sealed class CellStyleKinds
{
    private static readonly HashSet<uint> BuiltInDates = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58];
    private static readonly HashSet<uint> BuiltInPercents = [9, 10];
    private readonly List<CellKind> _byStyle = [];

    public CellStyleKinds(WorkbookStylesPart? styles)
    {
        var stylesheet = styles?.Stylesheet;
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => g.First().FormatCode?.Value ?? "") ?? [];
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            var id = format.NumberFormatId?.Value ?? 0;
            _byStyle.Add(custom.TryGetValue(id, out var code) ? KindOf(code) : BuiltInDates.Contains(id) ? CellKind.Date : BuiltInPercents.Contains(id) ? CellKind.Percent : CellKind.Number);
        }
    }

    public CellKind KindOf(uint? styleIndex) => styleIndex is { } i && i < _byStyle.Count ? _byStyle[(int)i] : CellKind.Number;

    private static CellKind KindOf(string code)
    {
        var plain = new System.Text.StringBuilder();
        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '\\' || c == '_' || c == '*')
            {
                i++; // the next character is literal (or padding)
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '[')
            {
                bracket = true;
            }
            else if (!quoted && c == ']')
            {
                bracket = false;
            }
            else if (!quoted && !bracket)
            {
                plain.Append(char.ToLowerInvariant(c));
            }
        }

        var text = plain.ToString().Split(';')[0];
        return text.IndexOfAny(['d', 'm', 'y']) >= 0 ? CellKind.Date
            : text.Contains('%', StringComparison.Ordinal) ? CellKind.Percent
            : CellKind.Number;
    }
}

internal enum CellKind
{
    Number,
    Date,
    Percent,
}
