using System.Globalization;
using System.Xml;

namespace Reporting.Core.Submissions.Workbooks;

/// <summary>
/// A worksheet's rows as the table checks them, read forward only and no wider than needed: the header row up to
/// <see cref="SubmissionRules.MaxColumns"/> (further cells only say how far it reaches), then each row up to the header's
/// last column; past it only the first cell that holds something is read (it is a problem), and the rest are passed
/// over without their values being read. Nothing is padded past the last cell read, and a blank row costs nothing kept.
/// </summary>
internal sealed class SheetRows(CellReader cells, SubmissionRules rules)
{
    private const int MaxColumnsInExcel = 16_384;
    private readonly char[] _scratch = new char[16];
    private readonly SubmissionCell[] _row = Enumerable.Repeat(new SubmissionCell(""), rules.MaxColumns).ToArray();
    private readonly BoundedText _value = new(rules.KeptCellCharacters);
    private readonly BoundedText _inline = new(rules.KeptCellCharacters);

    public IEnumerable<SubmissionRow> Read(Stream sheet)
    {
        using var reader = WorkbookXml.Open(sheet);
        while (WorkbookXml.Next(reader) && !WorkbookXml.IsStart(reader, "sheetData"))
        {
        }

        if (reader.EOF || reader.IsEmptyElement)
        {
            yield break;
        }

        var dataDepth = reader.Depth;
        var width = 0;
        var previous = 0;
        while (WorkbookXml.Next(reader) && reader.Depth > dataDepth)
        {
            if (reader.Depth != dataDepth + 1 || !WorkbookXml.IsStart(reader, "row"))
            {
                continue;
            }

            var number = RowNumber(reader, previous);
            previous = number;
            var row = ReadRow(reader, number, width);
            if (width == 0 && !row.IsBlank)
            {
                width = Math.Min(row.FieldCount, rules.MaxColumns);
            }

            yield return row;
        }

        // What follows the sheet's data (its layout, extensions) is never read.
    }

    private SubmissionRow ReadRow(XmlReader reader, int number, int width)
    {
        if (reader.IsEmptyElement)
        {
            return SubmissionRow.Blank(number);
        }

        var limit = width == 0 ? rules.MaxColumns : width;
        var rowDepth = reader.Depth;
        var (last, used, kept, reach) = (0, 0, 0, 0);
        (int Column, SubmissionCell Cell)? stray = null;
        var cell = new CellInProgress();
        while (WorkbookXml.Next(reader) && reader.Depth > rowDepth)
        {
            if (reader.Depth == rowDepth + 1 && WorkbookXml.IsStart(reader, "c"))
            {
                cell = Start(reader, last);
                last = cell.Valid ? cell.Column : last;
                cell.Read = cell.Valid && (cell.Column <= limit || width == 0 || stray is null);
                if (!reader.IsEmptyElement)
                {
                    continue;
                }
            }
            else if (cell.Read && reader.Depth == rowDepth + 2 && WorkbookXml.IsStart(reader, "v"))
            {
                cell.HasValue = true;
                cell.ValueDepth = reader.IsEmptyElement ? -1 : reader.Depth;
                continue;
            }
            else if (cell.Read && reader.Depth == rowDepth + 2 && WorkbookXml.IsStart(reader, "is"))
            {
                cell.Inline = SharedStrings.ReadItem(reader, _inline);
                continue;
            }
            else if (cell.Read && cell.ValueDepth >= 0 && reader.Depth == cell.ValueDepth + 1 && BoundedText.IsText(reader))
            {
                _value.Add(reader);
                continue;
            }
            else if (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == rowDepth + 1))
            {
                continue;
            }

            // The end of a cell: its value, kept by where it is.
            if (!cell.Read)
            {
                continue;
            }

            var value = cells.Read(cell.Type, cell.Style, cell.HasValue ? _value.ToCell() : new SubmissionCell(""), cell.Inline, () => CellReference.Of(cell.Column, number));
            cell.Read = false;
            if (cell.Column <= limit)
            {
                _row[cell.Column - 1] = value;
                used = Math.Max(used, cell.Column);
                kept = value.IsEmpty ? kept : Math.Max(kept, cell.Column);
            }
            else if (!value.IsEmpty && width == 0)
            {
                reach = Math.Max(reach, cell.Column);
            }
            else if (!value.IsEmpty)
            {
                stray = (cell.Column, value);
            }
        }

        var values = _row[..kept];
        Array.Fill(_row, new SubmissionCell(""), 0, used);
        return kept == 0 && stray is null && reach == 0
            ? SubmissionRow.Blank(number)
            : new SubmissionRow(number, values) { FieldCount = Math.Max(kept, reach), Stray = stray, HasValuesPastCells = reach > 0 };
    }

    private CellInProgress Start(XmlReader reader, int last)
    {
        _value.Clear();
        Span<char> text = stackalloc char[16];
        var length = WorkbookXml.Attribute(reader, "r", text, _scratch);
        var column = length < 0 ? last + 1 : CellReference.ColumnOf(text[..length]);
        var typeLength = WorkbookXml.Attribute(reader, "t", text, _scratch);
        var type = typeLength < 0 ? null : CellReader.TypeOf(text[..typeLength]);
        var styleLength = WorkbookXml.Attribute(reader, "s", text, _scratch);
        uint? style = styleLength > 0 && uint.TryParse(text[..styleLength], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
        return new CellInProgress
        {
            Column = column,
            Valid = column >= 1 && column <= MaxColumnsInExcel && column > last, // no valid column, or out of order: Excel never writes either
            Type = type,
            Style = style,
            Inline = new SubmissionCell(""),
        };
    }

    private int RowNumber(XmlReader reader, int previous)
    {
        Span<char> text = stackalloc char[16];
        var length = WorkbookXml.Attribute(reader, "r", text, _scratch);
        return length < 0 ? previous + 1
            : uint.TryParse(text[..length], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? (int)Math.Min(index, int.MaxValue)
            : throw new InvalidDataException("a row's number is not a whole number");
    }

    private struct CellInProgress
    {
        public int Column;
        public bool Valid;
        public bool Read;
        public CellType? Type;
        public uint? Style;
        public bool HasValue;
        public int ValueDepth;
        public SubmissionCell Inline;
    }
}
