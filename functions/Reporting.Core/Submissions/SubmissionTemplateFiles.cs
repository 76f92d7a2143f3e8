using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Reporting.Core.Submissions.Workbooks;

namespace Reporting.Core.Submissions;

/// <summary>
/// A <see cref="MonthTemplate"/> as the bytes of a file a department fills in and uploads as it is: CSV (UTF-8 with BOM,
/// comma-delimited) or an Excel workbook. The columns are period, kpi, name, unit, target, last month, value, comment;
/// the reader checks period, kpi, unit, value and comment and passes over the guidance columns. The same template gives
/// the same bytes: the workbook's zip entries carry the period's first day as their time, never the clock.
/// </summary>
public static class SubmissionTemplateFiles
{
    public static readonly string[] Columns = ["period", "kpi", "name", "unit", "target", "last month", "value", "comment"];

    /// <summary>The file name a template is offered under: the month, as the contract suggests (2026-10.xlsx).</summary>
    public static string FileName(MonthTemplate template, string extension) => $"{template.Period}.{extension}";

    public static byte[] Csv(MonthTemplate template) => SpreadsheetCsv.Write(Columns, template.Rows.Select(row => new[]
    {
        template.Period.ToString(), row.KpiId, row.Name, row.Unit, row.TargetText, row.LastMonth is { } last ? TemplateRow.Number(last) : "", "", "",
    }));

    public static byte[] Xlsx(MonthTemplate template)
    {
        var stamp = new DateTimeOffset(template.Period.Year, template.Period.Month, 1, 0, 0, 0, TimeSpan.Zero);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string xml)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                using var stream = entry.Open();
                var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" + xml);
                stream.Write(bytes);
            }

            Add("[Content_Types].xml", ContentTypes);
            Add("_rels/.rels", PackageRelationships);
            Add("xl/workbook.xml", Workbook(template).OuterXml);
            Add("xl/_rels/workbook.xml.rels", WorkbookRelationships);
            Add("xl/styles.xml", TemplateStyles.Create().OuterXml);
            Add("xl/worksheets/sheet1.xml", Sheet(template).OuterXml);
        }

        return buffer.ToArray();
    }

    private static Workbook Workbook(MonthTemplate template)
    {
        var workbook = new Workbook(new Sheets(new Sheet { Name = SheetName(template.DepartmentId), SheetId = 1, Id = "rId1" }));
        workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return workbook;
    }

    // Excel's limits for sheet names: 31 characters, none of []:*?/\. Named after the department, so the reader picks it.
    private static string SheetName(string departmentId) => new string(departmentId.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0).Take(31).ToArray()) is { Length: > 0 } name ? name : "figures";

    private static Worksheet Sheet(MonthTemplate template)
    {
        var data = new SheetData();
        data.Append(RowOf(1, Columns.Select(c => Text(c, TemplateStyles.Header))));
        var number = 2;
        foreach (var row in template.Rows)
        {
            data.Append(RowOf(number++,
            [
                Text(template.Period.ToString()),
                Text(row.KpiId),
                Text(row.Name, TemplateStyles.Guidance),
                Text(row.Unit),
                row.Target is { } target ? Number(target, TemplateStyles.Guidance) : Text(row.TargetText, TemplateStyles.Guidance),
                row.LastMonth is { } last ? Number(last, TemplateStyles.Guidance) : Text("", TemplateStyles.Guidance),
                new Cell { StyleIndex = TemplateStyles.Input },
                new Cell { StyleIndex = TemplateStyles.Input },
            ]));
        }

        double[] widths = [10, 28, 36, 10, 14, 14, 14, 48];
        var columns = new DocumentFormat.OpenXml.Spreadsheet.Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
        var views = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });
        return new Worksheet(views, columns, data);
    }

    private static Row RowOf(int number, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = (uint)number };
        var column = 1;
        foreach (var cell in cells)
        {
            cell.CellReference = CellReference.Of(column++, number);
            row.Append(cell);
        }

        return row;
    }

    private static Cell Text(string text, uint style = 0) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
    };

    private static Cell Number(double value, uint style) => new(new CellValue(value.ToString("R", CultureInfo.InvariantCulture)))
    {
        StyleIndex = style,
    };

    private const string ContentTypes =
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
        "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" +
        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
        "</Types>";

    private const string PackageRelationships =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>" +
        "</Relationships>";

    private const string WorkbookRelationships =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>" +
        "</Relationships>";
}
