using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Reporting.Testing;

/// <summary>
/// Builds .xlsx files part by part, as Excel writes them (shared strings, styles, dates as serial numbers), so tests can
/// also craft what Excel never writes: a zip bomb, a huge shared-string table, a part that lies about its size.
/// </summary>
public sealed class TestWorkbook
{
    /// <summary>Style 1 formats a number as a date (built-in format 14), style 2 as a percentage (format 10), style 3 as "mmm yy".</summary>
    public const int DateStyle = 1, PercentStyle = 2, MonthStyle = 3;

    private readonly List<(string Name, List<string> Rows, bool Hidden)> _sheets = [];
    private readonly List<string> _strings = [];

    public TestWorkbook Sheet(string name, bool hidden = false)
    {
        _sheets.Add((name, [], hidden));
        return this;
    }

    /// <summary>A row of the last sheet; each value: string (shared string), double/int (number), DateOnly (date cell), Cell (anything else), null (no cell).</summary>
    public TestWorkbook Row(int number, params object?[] values)
    {
        var cells = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            var reference = ColumnName(i + 1) + number.ToString(CultureInfo.InvariantCulture);
            cells.Append(values[i] switch
            {
                null => "",
                string text => $"<c r=\"{reference}\" t=\"s\"><v>{Shared(text)}</v></c>",
                DateOnly date => $"<c r=\"{reference}\" s=\"{DateStyle}\"><v>{date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)}</v></c>",
                TestCell cell => cell.Xml(reference),
                IConvertible numeric => $"<c r=\"{reference}\"><v>{Convert.ToDouble(numeric, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)}</v></c>",
                _ => throw new ArgumentException("unsupported cell value", nameof(values)),
            });
        }

        _sheets[^1].Rows.Add($"<row r=\"{number}\">{cells}</row>");
        return this;
    }

    public byte[] Build() => Zip(zip =>
    {
        Add(zip, "[Content_Types].xml", ContentTypes(_sheets.Count));
        Add(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        var sheets = string.Concat(_sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\"{(s.Hidden ? " state=\"hidden\"" : "")} r:id=\"rId{i + 1}\"/>"));
        Add(zip, "xl/workbook.xml", $"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>{sheets}</sheets></workbook>");
        var rels = string.Concat(_sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"));
        Add(zip, "xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
        Add(zip, "xl/styles.xml", Styles);
        Add(zip, "xl/sharedStrings.xml", $"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{_strings.Count}\" uniqueCount=\"{_strings.Count}\">{string.Concat(_strings.Select(s => $"<si><t xml:space=\"preserve\">{SecurityElement.Escape(s)}</t></si>"))}</sst>");
        for (var i = 0; i < _sheets.Count; i++)
        {
            Add(zip, $"xl/worksheets/sheet{i + 1}.xml", $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{string.Concat(_sheets[i].Rows)}</sheetData></worksheet>");
        }
    });

    /// <summary>This workbook with one part replaced by <paramref name="write"/>, streamed so a huge part is never held whole.</summary>
    public byte[] BuildWithPart(string partName, Action<Stream> write)
    {
        using var original = new ZipArchive(new MemoryStream(Build()), ZipArchiveMode.Read);
        return Zip(zip =>
        {
            foreach (var entry in original.Entries)
            {
                var copy = zip.CreateEntry(entry.FullName, CompressionLevel.SmallestSize);
                using var target = copy.Open();
                if (entry.FullName == partName)
                {
                    write(target);
                }
                else
                {
                    using var source = entry.Open();
                    source.CopyTo(target);
                }
            }
        });
    }

    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private int Shared(string text)
    {
        _strings.Add(text);
        return _strings.Count - 1;
    }

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(zip);
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string xml)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml));
    }

    private static string ContentTypes(int sheets) =>
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
        "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" +
        string.Concat(Enumerable.Range(1, sheets).Select(i => $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>")) +
        "</Types>";

    private const string Styles =
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"mmm\\ yy\"/></numFmts>" +
        "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts><fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>" +
        "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
        "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" +
        "<xf numFmtId=\"10\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/><xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>";
}

/// <summary>A cell written as given: an inline string, a number with a style, an error, a boolean.</summary>
public sealed record TestCell(string Type, string Value, int Style = 0)
{
    public static TestCell Inline(string text) => new("inlineStr", text);

    public static TestCell Error(string error) => new("e", error);

    public static TestCell Styled(double value, int style) => new("n", value.ToString("R", CultureInfo.InvariantCulture), style);

    public string Xml(string reference) => Type == "inlineStr"
        ? $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(Value)}</t></is></c>"
        : $"<c r=\"{reference}\"{(Type == "n" ? "" : $" t=\"{Type}\"")}{(Style == 0 ? "" : $" s=\"{Style}\"")}><v>{SecurityElement.Escape(Value)}</v></c>";
}
