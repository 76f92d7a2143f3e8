namespace Reporting.Core.Submissions.Workbooks;

/// <summary>What the reader needs of <c>workbook.xml</c>: its sheets in order (name, hidden or not, relationship id) and its date system.</summary>
internal sealed record WorkbookIndex(IReadOnlyList<WorkbookSheet> Sheets, bool Date1904)
{
    /// <summary>More sheets than any workbook of monthly figures has; each costs a little to list.</summary>
    public const int MaxSheets = 1000;

    public static WorkbookIndex Read(Stream part)
    {
        var sheets = new List<WorkbookSheet>();
        var date1904 = false;
        using var reader = WorkbookXml.Open(part);
        while (WorkbookXml.Next(reader))
        {
            if (WorkbookXml.IsStart(reader, "workbookPr"))
            {
                date1904 = WorkbookXml.AttributeText(reader, "date1904", 8) is "1" or "true";
            }
            else if (WorkbookXml.IsStart(reader, "sheet"))
            {
                if (sheets.Count == MaxSheets)
                {
                    throw new InvalidDataException($"it lists more than {MaxSheets} sheets");
                }

                var state = WorkbookXml.AttributeText(reader, "state", 16);
                sheets.Add(new WorkbookSheet(
                    WorkbookXml.AttributeText(reader, "name", SubmissionProblem.MaxValueLength + 1) ?? "",
                    state is "hidden" or "veryHidden",
                    WorkbookXml.AttributeText(reader, "id", 256)));
            }
        }

        return new WorkbookIndex(sheets, date1904);
    }
}

/// <summary>One sheet as <c>workbook.xml</c> lists it; its name is cut to what a note quotes.</summary>
internal sealed record WorkbookSheet(string Name, bool Hidden, string? RelationshipId);
