using System.Text;
using System.Text.Json;
using Reporting.Application;
using Reporting.Core.Submissions;
using Reporting.Storage.Blobs;

namespace Reporting.Application.Tests;

/// <summary>Every answer file stays within <see cref="SubmissionReport.MaxAnswerBytes"/>, whatever the problems say.</summary>
public sealed class SubmissionReportBoundTests
{
    private static readonly SubmissionUpload Upload = new("submissions-sales", "sales", "2026-10.csv", "\"0x1\"", 100);

    [Fact]
    public void For_HundredLongProblemsAndTheChecksCount_ListsWhatFitsAndCountsTheRest()
    {
        // Characters JSON escapes to six bytes each, in every field: the costliest problems a reader can write.
        var quoted = new string('é', 99) + "…";
        var problems = Enumerable.Range(2, 100).Select(line => new SubmissionProblem(line, 2, "kpi", $"'{quoted}' is not a KPI of Sales; its KPIs are reach") { Value = quoted })
            .Append(SubmissionProblem.ForFile("250 more problems not listed; fix these and upload again"))
            .ToArray();
        var result = SubmissionResult.Rejected(problems) with { UnlistedProblems = 250 };

        var (text, problemsCsv, json) = SubmissionReport.For(Upload, "Sales", SubmissionStatus.Rejected, result, null, "abc");

        Assert.InRange(Encoding.UTF8.GetByteCount(text), 1, SubmissionReport.MaxAnswerBytes);
        Assert.InRange(problemsCsv.Length, 1, SubmissionReport.MaxAnswerBytes);
        Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, SubmissionReport.MaxAnswerBytes);
        var listed = JsonDocument.Parse(json).RootElement.GetProperty("problems");
        var shown = listed.GetArrayLength() - 1;
        Assert.InRange(shown, 5, 99);
        Assert.Equal($"{100 - shown + 250} more problems not listed; fix these and upload again", listed[shown].GetProperty("message").GetString());
        Assert.StartsWith("Rejected: 2026-10.csv for Sales: 101 problems.", text, StringComparison.Ordinal);
    }
}
