using System.Xml;
using Reporting.Core.Strategy;

namespace Reporting.Core.Submissions.Workbooks;

/// <summary>
/// Reads an .xlsx upload after <see cref="WorkbookGuard"/> has bounded what it unpacks to: its parts forward only
/// (<see cref="WorkbookXml"/>: no DTD, bounded depth, values in chunks), so what a workbook costs is bounded by its
/// size and the limits, not by what its XML builds. The sheet named like the department (its id or name, any case) is
/// read, else the first visible sheet; numbers are numbers, date cells are dates (a period column may hold them),
/// percent-formatted cells are percentages, and every problem names its cell.
/// </summary>
internal sealed class WorkbookSubmissionReader(SubmissionRules rules)
{
    public SubmissionResult Read(byte[] workbook, Department department)
    {
        if (WorkbookGuard.Check(workbook, rules) is { } tooBig)
        {
            return SubmissionResult.Rejected(tooBig);
        }

        var part = "the package";
        try
        {
            using var package = WorkbookPackage.Open(workbook);
            part = "_rels/.rels";
            var main = package.Targets("", "/officeDocument", 1).Values.FirstOrDefault();
            using var book = package.OpenPart(main);
            if (main is null || book is null)
            {
                return SubmissionResult.Rejected(SubmissionProblem.ForFile("this zip file is not an Excel workbook; upload an .xlsx saved by Excel, or a CSV"));
            }

            part = main;
            var index = WorkbookIndex.Read(book);
            part = main + ".rels";
            var targets = package.Targets(main, "/worksheet", WorkbookIndex.MaxSheets);
            var sheets = index.Sheets.Where(s => s.RelationshipId is { } id && targets.ContainsKey(id)).ToList();
            var named = sheets.FirstOrDefault(s => NameMatches(s.Name, department));
            var sheet = named ?? sheets.FirstOrDefault(s => !s.Hidden) ?? sheets.FirstOrDefault();
            if (sheet is null)
            {
                return SubmissionResult.Rejected(SubmissionProblem.ForFile("the workbook has no worksheet; put the figures on a sheet with the header period, kpi, value, comment"));
            }

            var stringsPart = package.Targets(main, "/sharedStrings", 1).Values.FirstOrDefault();
            var stylesPart = package.Targets(main, "/styles", 1).Values.FirstOrDefault();
            part = stringsPart ?? part;
            if (SharedStrings.Read(package.OpenPart(stringsPart), rules.MaxSharedStrings, rules.KeptCellCharacters) is not { } strings)
            {
                return SubmissionResult.Rejected(SubmissionProblem.ForFile(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"the workbook's shared-string table holds more than {rules.MaxSharedStrings:N0} strings, far more than a monthly submission needs; copy the figures into a new workbook and upload that")));
            }

            part = stylesPart ?? part;
            var cells = new CellReader(strings, CellStyleKinds.Read(package.OpenPart(stylesPart)), index.Date1904);
            part = targets[sheet.RelationshipId!];
            using var sheetPart = package.OpenPart(part) ?? throw new InvalidDataException($"its sheet '{SubmissionText.Quote(sheet.Name)}' is missing");
            var result = SubmissionTable.Check(new SheetRows(cells, rules).Read(sheetPart), department, rules, ProblemLocator.Sheet, DecimalMark.Either);
            return sheets.Count > 1
                ? result with { Notes = [$"the workbook has {sheets.Count} sheets; read '{SubmissionText.Quote(sheet.Name)}' ({(named is null ? "the first sheet; name a sheet after the department to have that one read instead" : "named like the department")})"] }
                : result;
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return Damaged($"{part} declares a DTD (<!DOCTYPE>), which Excel never writes and which is not read");
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException or OverflowException or NotSupportedException)
        {
            return Damaged($"{part}: {SubmissionText.Quote(ex.Message.TrimEnd('.'))}");
        }
    }

    private static SubmissionResult Damaged(string reason) => SubmissionResult.Rejected(SubmissionProblem.ForFile(
        $"the workbook could not be read: it is damaged or not an Excel .xlsx file ({reason}); save it again from Excel as .xlsx, or as CSV UTF-8"));

    private static bool NameMatches(string sheetName, Department department) =>
        sheetName.Trim() is { } name && (string.Equals(name, department.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(name, department.Name, StringComparison.OrdinalIgnoreCase));
}
