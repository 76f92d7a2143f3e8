using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;
using Reporting.Storage.Blobs;

namespace Reporting.Application.Tests;

/// <summary>
/// The answer's JSON is a contract (the upload page and departments' tools read it): its exact text, names, order and
/// escaping, for an answer with every kind of field and for the answer written after a later step failed.
/// </summary>
public sealed class SubmissionAnswerContractTests
{
    private static readonly SubmissionUpload Upload = new("submissions-sales", "sales", "März 2026.csv", "\"0x1\"", 100);

    [Fact]
    public void Json_Rejected_WithACellProblem_ANote_AndAProblemOnALine()
    {
        var result = SubmissionResult.Rejected(
            new SubmissionProblem(3, 3, "value", "'12,5' is not a number") { Value = "12,5" },
            new SubmissionProblem(0, 2, "kpi", "'reach \"all\"' is not a KPI of Sales") { Cell = "B5", Value = "reach \"all\"" }) with { Notes = ["read as Windows-1252"] };

        var (_, _, json) = SubmissionReport.For(Upload, "Sales", SubmissionStatus.Rejected, result, null, "abc", 42);

        Assert.Equal(ExpectedRejected, json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Json_FailureAfterStore_LeavesOutWhatWasNotReadAgain()
    {
        var (_, _, json) = SubmissionReport.ForFailureAfterStore(Upload, SubmissionStatus.Accepted, new Period(2026, 3).ToString(), 12, "the page could not be published");

        Assert.Equal(ExpectedFailureAfterStore, json.ReplaceLineEndings("\n"));
    }

    private const string ExpectedRejected =
        """
        {
          "blob": "M\u00E4rz 2026.csv",
          "etag": "\u00220x1\u0022",
          "department": "sales",
          "status": "rejected",
          "period": null,
          "figures": 0,
          "inForce": false,
          "checksum": "abc",
          "processingMs": 42,
          "error": null,
          "problems": [
            {
              "line": 3,
              "column": 3,
              "columnName": "value",
              "message": "\u002712,5\u0027 is not a number",
              "cell": null,
              "value": "12,5"
            },
            {
              "line": 0,
              "column": 2,
              "columnName": "kpi",
              "message": "\u0027reach \u0022all\u0022\u0027 is not a KPI of Sales",
              "cell": "B5",
              "value": "reach \u0022all\u0022"
            }
          ],
          "notes": [
            "read as Windows-1252"
          ]
        }
        """;

    private const string ExpectedFailureAfterStore =
        """
        {
          "blob": "M\u00E4rz 2026.csv",
          "etag": "\u00220x1\u0022",
          "department": "sales",
          "status": "accepted",
          "period": "2026-03",
          "figures": 12,
          "inForce": true,
          "error": "the page could not be published",
          "problems": []
        }
        """;
}
