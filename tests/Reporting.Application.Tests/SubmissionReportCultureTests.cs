using System.Globalization;
using System.Text;
using Reporting.Application;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Storage.Blobs;
using Reporting.Testing;

namespace Reporting.Application.Tests;

/// <summary>The answers written beside an upload ((results/*.txt, *.problems.csv, *.json)lt;name(results/*.txt, *.problems.csv, *.json)gt;.txt, .problems.csv, .json in the answer container) are the same bytes whatever the machine's culture.</summary>
public sealed class SubmissionReportCultureTests
{
    private static readonly SubmissionUpload Upload = new("submissions-sales", "sales", "2026-10.csv", "\"0x1\"", 100);

    // Problems whose messages carry numbers: decimals, negative values, thousands.
    private static readonly string Rejected = new SubmissionCsvBuilder("2026-10")
        .WithRow("social-referral-revenue", "-1.5")
        .WithRow("new-customers", "\"1,250\"")
        .WithRow("average-order-value", "100000.5", new string('x', 2001))
        .WithRow("purchase-frequency", "100.5")
        .BuildText();

    private static readonly string Accepted = new SubmissionCsvBuilder("2026-10")
        .WithRow("purchase-frequency", "1.65").WithRow("new-customers", "1250").WithRow("average-order-value", "86.5")
        .BuildText();

    [Fact]
    public void Answers_AreTheSameBytesInEveryCulture()
    {
        TestCultures.RequireCultureData();
        var invariant = TestCultures.In(CultureInfo.InvariantCulture, Answers);
        var rejected = invariant["rejected.txt"];
        Assert.Contains("line 2, column 3 (value): -1.5 is below the smallest allowed value for social-referral-revenue, 0", rejected, StringComparison.Ordinal);
        Assert.Contains("the comment is 2,001 characters long; keep it under 2,000", rejected, StringComparison.Ordinal);
        Assert.Contains("100.5 is above the largest allowed value for purchase-frequency, 100", rejected, StringComparison.Ordinal);
        Assert.Contains("the file is larger than the limit of 1,000 bytes", invariant["too large.txt"], StringComparison.Ordinal);

        foreach (var culture in TestCultures.All.Skip(1))
        {
            var answers = TestCultures.In(culture, Answers);

            Assert.Equal(invariant.Keys, answers.Keys);
            foreach (var (name, text) in invariant)
            {
                Assert.True(text == answers[name], $"{name} differs under {culture.Name}:\n{text}\n--- became ---\n{answers[name]}");
            }
        }
    }

    // Reading the upload and writing the answer, both under the current culture, as the pipeline does.
    private static SortedDictionary<string, string> Answers()
    {
        var sales = SampleOrganisation.Strategy().FindDepartment("sales")!;
        var rules = new SubmissionRules { CurrentPeriod = TestClock.CurrentPeriod };
        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Answer(string name, SubmissionStatus status, SubmissionResult? result, string? error = null)
        {
            var (text, problems, json) = SubmissionReport.For(Upload, sales.Name, status, result, error, "abc123", processingMs: 1234);
            answers[name + ".txt"] = text;
            answers[name + ".problems.csv"] = Convert.ToBase64String(problems); // compared byte for byte
            answers[name + ".json"] = json;
        }

        Answer("rejected", SubmissionStatus.Rejected, Read(Rejected, sales, rules));
        Answer("accepted", SubmissionStatus.Accepted, Read(Accepted, sales, rules));
        Answer("too large", SubmissionStatus.Rejected, Read(Accepted + new string(' ', 1000), sales, rules with { MaxBytes = 1000 }));
        Answer("poisoned", SubmissionStatus.Poisoned, null, "processing failed 5 times: the strategy is not valid");
        return answers;
    }

    private static SubmissionResult Read(string csv, Department department, SubmissionRules rules)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return new SubmissionCsvReader(rules).Read(stream, department);
    }
}
