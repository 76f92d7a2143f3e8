using System.Text.Json;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;
using Reporting.Storage.Blobs;

namespace Reporting.Application.Tests;

public sealed class SubmissionReportTests
{
    private static readonly SubmissionUpload Upload = new("submissions-sales", "sales", "2026-10.csv", "\"0x1\"", 100);

    [Fact]
    public void For_Rejected_ListsEveryProblemAndSaysNothingWasStored()
    {
        var result = SubmissionResult.Rejected(
            new SubmissionProblem(3, 3, "value", "'x' is not a number"),
            new SubmissionProblem(4, 2, "kpi", "'y' is not a KPI of Sales"));

        var (text, _, json) = SubmissionReport.For(Upload, "Sales", SubmissionStatus.Rejected, result, null, "abc");

        Assert.Equal(
            "Rejected: 2026-10.csv for Sales: 2 problems. Nothing was stored; correct the file and upload it again.\n" +
            "line 3, column 3 (value): 'x' is not a number\n" +
            "line 4, column 2 (kpi): 'y' is not a KPI of Sales\n",
            text.ReplaceLineEndings("\n"));
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("rejected", root.GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("problems").GetArrayLength());
        Assert.Equal(3, root.GetProperty("problems")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public void For_Accepted_SaysHowManyFiguresForWhichPeriod()
    {
        var result = new SubmissionResult(new Period(2026, 10), [new KpiFigure("sales", new Period(2026, 10), "reach", 1, null)], []);

        var (text, _, json) = SubmissionReport.For(Upload, "Sales", SubmissionStatus.Accepted, result, null, "abc");

        Assert.Equal("Accepted: 2026-10.csv for Sales, period 2026-10: 1 figure stored.", text.Trim());
        Assert.Equal(1, JsonDocument.Parse(json).RootElement.GetProperty("figures").GetInt32());
    }
}
