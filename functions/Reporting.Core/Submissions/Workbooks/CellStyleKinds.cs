namespace Reporting.Core.Submissions.Workbooks;

/// <summary>
/// What a cell's style says its number is: a date (the built-in date formats and any custom format with d, m or y
/// outside quotes and brackets), a percentage (stored as a fraction: 33.2% is 0.332), or a plain number.
/// </summary>
internal sealed class CellStyleKinds
{
    private static readonly HashSet<uint> BuiltInDates = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58];
    private static readonly HashSet<uint> BuiltInPercents = [9, 10];
    private readonly List<CellKind> _byStyle;

    private CellStyleKinds(List<CellKind> byStyle) => _byStyle = byStyle;

    /// <summary>More cell formats than Excel allows (64,000), and more number formats than it keeps (about 250).</summary>
    public const int MaxCellFormats = 65_536, MaxNumberFormats = 10_000;

    /// <summary>Reads <c>styles.xml</c> forward only: its number formats, then the cell formats (<c>cellXfs</c>) that cells name by index.</summary>
    public static CellStyleKinds Read(Stream? styles)
    {
        var byStyle = new List<CellKind>();
        if (styles is null)
        {
            return new CellStyleKinds(byStyle);
        }

        var custom = new Dictionary<uint, CellKind>();
        using var reader = WorkbookXml.Open(styles);
        var cellXfsDepth = -1;
        while (WorkbookXml.Next(reader))
        {
            if (WorkbookXml.IsStart(reader, "numFmt") && Id(reader) is { } id)
            {
                if (custom.Count == MaxNumberFormats)
                {
                    throw new InvalidDataException($"its styles have more than {MaxNumberFormats:N0} number formats");
                }

                custom.TryAdd(id, KindOf(WorkbookXml.AttributeText(reader, "formatCode", 1024) ?? ""));
            }
            else if (WorkbookXml.IsStart(reader, "cellXfs") && !reader.IsEmptyElement)
            {
                cellXfsDepth = reader.Depth;
            }
            else if (reader.NodeType == System.Xml.XmlNodeType.EndElement && reader.Depth == cellXfsDepth)
            {
                cellXfsDepth = -1;
            }
            else if (cellXfsDepth >= 0 && reader.Depth == cellXfsDepth + 1 && WorkbookXml.IsStart(reader, "xf"))
            {
                if (byStyle.Count == MaxCellFormats)
                {
                    throw new InvalidDataException($"its styles have more than {MaxCellFormats:N0} cell formats");
                }

                var format = Id(reader) ?? 0;
                byStyle.Add(custom.TryGetValue(format, out var kind) ? kind : BuiltInDates.Contains(format) ? CellKind.Date : BuiltInPercents.Contains(format) ? CellKind.Percent : CellKind.Number);
            }
        }

        return new CellStyleKinds(byStyle);
    }

    private static uint? Id(System.Xml.XmlReader reader) =>
        uint.TryParse(WorkbookXml.AttributeText(reader, "numFmtId", 16), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

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
