using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Reporting.Testing.Hostile;

/// <summary>
/// .xlsx uploads shaped to make the checks work hard while staying within the upload and unpacked-size limits: one
/// long shared string in many cells, cells far to the right, blank rows, wide headers, long cells, deep and odd XML, and
/// DTDs with external or expanding entities in each kind of part. They are small on upload (they compress well).
/// </summary>
public static class HostileWorkbooks
{
    /// <summary>Excel's own limit for the characters in one cell.</summary>
    public const int ExcelCellCharacters = 32_767;

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <param name="maxUnzippedBytes">The limit the parts must stay within, together (the reader's <c>maxUnzippedBytes</c>).</param>
    /// <param name="secretFile">A file an external entity points at; its contents must never reach an answer.</param>
    public static IEnumerable<HostileCase> Cases(long maxUnzippedBytes, string secretFile)
    {
        // Shared strings 0-5: period, kpi, value, comment, 2026-10, reach; 6: one string as long as Excel allows.
        var longText = new string('x', ExcelCellCharacters);
        var base0 = new TestWorkbook().Sheet("Sales").Row(1, "period", "kpi", "value", "comment").Row(2, "2026-10", "reach", 1200, longText);
        var sheetBudget = maxUnzippedBytes - ExcelCellCharacters - (64 * 1024);

        HostileCase Case(string kind, string name, Func<Stream, long, bool> row, bool header = true) =>
            new(kind, name, "2026-10.xlsx", base0.BuildWithPart("xl/worksheets/sheet1.xml", part => WriteSheet(part, sheetBudget, row, header)));

        yield return Case("xlsx shared string reused", "a 32,767-character shared string in 25 cells of every row", (part, n) =>
            Write(part, $"<row r=\"{n}\"><c r=\"A{n}\" t=\"s\"><v>4</v></c>" + string.Concat(Enumerable.Range(2, 25).Select(c => $"<c r=\"{TestWorkbook.ColumnName(c)}{n}\" t=\"s\"><v>6</v></c>")) + "</row>"));
        yield return Case("xlsx shared string reused", "a 32,767-character shared string in all 16,384 cells of one row", (part, n) =>
            n == 2 && Write(part, "<row r=\"2\">" + string.Concat(Enumerable.Range(1, 16_384).Select(c => $"<c r=\"{TestWorkbook.ColumnName(c)}2\" t=\"s\"><v>6</v></c>")) + "</row>"));
        yield return Case("xlsx far right", "a cell in the last column (XFD) of every row", (part, n) =>
            Write(part, $"<row r=\"{n}\"><c r=\"A{n}\" t=\"s\"><v>4</v></c><c r=\"XFD{n}\"><v>1</v></c></row>"));
        yield return Case("xlsx far right", "a figure in every row and a number in its last column", (part, n) =>
            Write(part, $"<row r=\"{n}\"><c r=\"A{n}\" t=\"s\"><v>4</v></c><c r=\"B{n}\" t=\"s\"><v>5</v></c><c r=\"C{n}\"><v>{n}</v></c><c r=\"XFD{n}\"><v>1</v></c></row>"));
        yield return Case("xlsx blank rows", "styled empty cells in every row", (part, n) => Write(part, $"<row r=\"{n}\"><c r=\"A{n}\" s=\"1\"/><c r=\"B{n}\" s=\"1\"/></row>"));
        yield return Case("xlsx blank rows", "empty row elements", (part, n) => Write(part, $"<row r=\"{n}\"/>"));
        yield return Case("xlsx wide header", "a header row of 16,384 unknown columns", (part, n) =>
            n == 2 && Write(part, "<row r=\"2\">" + string.Concat(Enumerable.Range(1, 16_384).Select(c => $"<c r=\"{TestWorkbook.ColumnName(c)}2\" t=\"inlineStr\"><is><t>column-{c:00000}-{new string('x', 40)}</t></is></c>")) + "</row>"), header: false);
        yield return Case("xlsx wide header", "a row of 16,384 cells under a header of four", (part, n) =>
            n == 2 && Write(part, "<row r=\"2\">" + string.Concat(Enumerable.Range(1, 16_384).Select(c => $"<c r=\"{TestWorkbook.ColumnName(c)}2\" t=\"inlineStr\"><is><t>column-{c:00000}-{new string('x', 40)}</t></is></c>")) + "</row>"));
        yield return Case("xlsx wide header", "a header in the last four columns (XFA to XFD), figures under it", (part, n) =>
            Write(part, n == 2
                ? "<row r=\"2\"><c r=\"XFA2\" t=\"s\"><v>0</v></c><c r=\"XFB2\" t=\"s\"><v>1</v></c><c r=\"XFC2\" t=\"s\"><v>2</v></c><c r=\"XFD2\" t=\"s\"><v>3</v></c></row>"
                : $"<row r=\"{n}\"><c r=\"XFA{n}\" t=\"s\"><v>4</v></c><c r=\"XFB{n}\" t=\"s\"><v>5</v></c><c r=\"XFC{n}\"><v>{n}</v></c></row>"), header: false);
        yield return Case("xlsx long cells", "inline strings of 1,000,000 characters", (part, n) =>
            Write(part, $"<row r=\"{n}\"><c r=\"A{n}\" t=\"s\"><v>4</v></c><c r=\"B{n}\" t=\"inlineStr\"><is><t>{new string('k', 1_000_000)}</t></is></c><c r=\"C{n}\" t=\"inlineStr\"><is><t>1{new string('9', 1_000_000)}</t></is></c></row>"));
        yield return Case("xlsx deep xml", "a cell's inline string nested 100,000 elements deep", (part, n) =>
            n == 3 && Write(part, "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>4</v></c><c r=\"B3\" t=\"inlineStr\"><is>" + string.Concat(Enumerable.Repeat("<r>", 100_000)) + "<t>reach</t>" + string.Concat(Enumerable.Repeat("</r>", 100_000)) + "</is></c></row>"));
        yield return Case("xlsx deep xml", "a row nested 1,000,000 unknown elements deep", (part, n) =>
            n == 3 && Write(part, "<row r=\"3\">" + string.Concat(Enumerable.Repeat("<x>", 1_000_000)) + string.Concat(Enumerable.Repeat("</x>", 1_000_000)) + "</row>"));
        yield return Case("xlsx odd xml", "comments, processing instructions, CDATA, character references, odd and huge references", (part, n) =>
            Write(part, OddRow(n)));
        yield return Case("xlsx odd xml", "a 1,000,000-character attribute on every row", (part, n) =>
            Write(part, $"<row r=\"{n}\" spans=\"{new string('1', 1_000_000)}\"><c r=\"A{n}\" t=\"s\"><v>4</v></c></row>"));

        var secretUri = new Uri(secretFile).AbsoluteUri;
        var valid = base0.Build();
        foreach (var part in new[] { "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml", "[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels" })
        {
            yield return new("xlsx dtd", $"a DTD with an external entity ({secretUri}) in {part}", "2026-10.xlsx",
                Rewrite(valid, part, xml => WithDoctype(xml, $"<!ENTITY xxe SYSTEM \"{secretUri}\">", "&xxe;")));
            yield return new("xlsx dtd", $"a DTD whose entities expand a billion times in {part}", "2026-10.xlsx",
                Rewrite(valid, part, xml => WithDoctype(xml, Laughs(), "&lol9;")));
        }
    }

    private static string OddRow(long n)
    {
        var cells = new StringBuilder($"<!-- row {n} --><?odd instruction?><row r=\"{n}\" xmlns:odd=\"urn:odd\" odd:x=\"1\">");
        cells.Append(CultureInfo.InvariantCulture, $"<c r=\"A{n}\" t=\"inlineStr\"><is><t><![CDATA[2026-10]]></t></is></c>");
        cells.Append(CultureInfo.InvariantCulture, $"<c r=\"B{n}\" t=\"inlineStr\"><is><t>&#x72;each</t></is></c><!-- between -->");
        cells.Append(CultureInfo.InvariantCulture, $"<c r=\"ZZZZZZZZZZ{n}\"><v>1</v></c><c r=\"C0\"><v>1</v></c><c><v>1</v></c><c r=\"A{n}\"><v>1</v></c><c r=\"D{n}\" t=\"s\"><v>99999999999</v></c>");
        cells.Append("</row><row r=\"0\"/><row r=\"4294967295\"><c r=\"A4294967295\"><v>1</v></c></row><row r=\"-1\"/>");
        return cells.ToString();
    }

    private static string Laughs()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append(CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        return entities.ToString();
    }

    // The part's root element gets a DOCTYPE declaring the entities, and the entity is used as its first content.
    private static string WithDoctype(string xml, string entities, string use)
    {
        var declarationEnd = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        var rootStart = xml.IndexOf('<', declarationEnd);
        var rootName = xml[(rootStart + 1)..xml.IndexOfAny([' ', '>', '/'], rootStart)];
        var rootEnd = xml.IndexOf('>', rootStart);
        var selfClosing = xml[rootEnd - 1] == '/';
        var body = selfClosing ? xml[..(rootEnd - 1)] + ">" + use + $"</{rootName}>" : xml[..(rootEnd + 1)] + use + xml[(rootEnd + 1)..];
        return xml[..declarationEnd] + $"<!DOCTYPE {rootName} [{entities}]>" + body[declarationEnd..];
    }

    private static byte[] Rewrite(byte[] workbook, string partName, Func<string, string> edit)
    {
        using var original = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in original.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var xml = reader.ReadToEnd();
                using var target = zip.CreateEntry(entry.FullName).Open();
                target.Write(Encoding.UTF8.GetBytes(entry.FullName == partName ? edit(xml) : xml));
            }
        }

        return buffer.ToArray();
    }

    // The header row (unless the rows write their own), then rows from 2 on as long as they fit in the budget and the row writer writes them.
    private static void WriteSheet(Stream part, long budget, Func<Stream, long, bool> row, bool header)
    {
        Write(part, $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"{Main}\"><sheetData>");
        _ = header && Write(part, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>");
        var counted = new CountingStream(part);
        for (long n = 2; counted.Written < budget - (2 * 1024 * 1024) && n < 1_048_576; n++)
        {
            if (!row(counted, n) && n > 3)
            {
                break;
            }
        }

        Write(part, "</sheetData></worksheet>");
    }

    private static bool Write(Stream stream, string text)
    {
        stream.Write(Encoding.UTF8.GetBytes(text));
        return true;
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
