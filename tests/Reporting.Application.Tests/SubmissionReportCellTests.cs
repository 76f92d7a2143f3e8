using System.Text;
using System.Text.Json;
using Reporting.Application;
using Reporting.Core.Submissions;
using Reporting.Storage.Blobs;
using Reporting.Testing;

namespace Reporting.Application.Tests;

/// <summary>The three answers to a workbook name each problem's cell, keep the CSV fields as they were, and carry the reader's notes.</summary>
public sealed class SubmissionReportCellTests
{
    private static readonly SubmissionUpload Upload = new("submissions-sales", "sales", "2026-10.xlsx", "\"0x1\"", 100);

    private static (string Text, string ProblemsCsv, JsonElement Json) Answer()
    {
        var sales = SampleOrganisation.Strategy().FindDepartment("sales")!;
        var workbook = new TestWorkbook().Sheet("Figures").Sheet("Sales")
            .Row(1, "period", "kpi", "value")
            .Row(2, "2026-10", "new-customers", "lots")
            .Build();
        var result = new SubmissionReader(new SubmissionRules()).Read(new MemoryStream(workbook), sales, Upload.BlobName);
        var (text, problems, json) = SubmissionReport.For(Upload, sales.Name, SubmissionStatus.Rejected, result, null, "abc");
        return (text, Encoding.UTF8.GetString(problems), JsonDocument.Parse(json).RootElement);
    }

    [Fact]
    public void Text_NamesTheCellAndSaysWhichSheetWasRead()
    {
        var (text, _, _) = Answer();

        Assert.Contains("cell C2 (value): 'lots' is not a number", text, StringComparison.Ordinal);
        Assert.Contains("Note: the workbook has 2 sheets; read 'Sales' (named like the department).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ProblemsSheet_HasTheCellInItsLastColumn()
    {
        var (_, sheet, _) = Answer();

        Assert.StartsWith("\uFEFF\"line\",\"column\",\"column name\",\"problem\",\"cell\"\r\n\"2\",\"3\",\"value\",\"'lots' is not a number", sheet, StringComparison.Ordinal);
        Assert.EndsWith(",\"C2\"\r\n", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_AddsCellAndNotes_AndKeepsTheExistingFields()
    {
        var (_, _, json) = Answer();

        var problem = Assert.Single(json.GetProperty("problems").EnumerateArray());
        Assert.Equal((2, 3, "value", "C2"), (problem.GetProperty("line").GetInt32(), problem.GetProperty("column").GetInt32(), problem.GetProperty("columnName").GetString(), problem.GetProperty("cell").GetString()));
        Assert.StartsWith("'lots' is not a number", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("the workbook has 2 sheets; read 'Sales' (named like the department)", Assert.Single(json.GetProperty("notes").EnumerateArray()).GetString());
        Assert.Equal("rejected", json.GetProperty("status").GetString());
    }
}
