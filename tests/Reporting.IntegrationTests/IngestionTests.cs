using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Periods;
using Reporting.Functions;
using Reporting.Application.Uploads;
using Reporting.Storage.Tables;
using Reporting.Testing;
using Reporting.Core.Submissions;

namespace Reporting.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class IngestionTests(AzuriteFixture azurite)
{
    private static readonly Period October = new(2026, 10);

    private static string SalesCsv(double reach) => new SubmissionCsvBuilder("2026-10")
        .WithRow("purchase-frequency", "1.6").WithRow("new-customers", reach.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .WithRow("average-order-value", "85.5").WithRow("social-referral-revenue", "150000", "\"Autumn campaign, week 2\"")
        .BuildText();

    [Fact]
    public async Task Upload_ValidFile_IsIngestedByOurBlobTriggerAndAnsweredBesideTheUpload()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));

        await host.UploadAsync("sales", "2026-10.csv", SalesCsv(1250));
        var result = await host.ResultAsync("sales", "2026-10.csv");

        Assert.Equal("accepted", result.GetProperty("status").GetString());
        var stored = await host.Figures.LoadAsync(October, October, default);
        Assert.Equal(4, stored.Count);
        Assert.Equal(1250, stored.Single(f => f.KpiId == "new-customers").Value);
        Assert.Equal("Autumn campaign, week 2", stored.Single(f => f.KpiId == "social-referral-revenue").Comment);
        var history = await host.Services.GetRequiredService<SubmissionHistoryTable>().ListAsync("sales", default);
        Assert.Equal(SubmissionStatus.Accepted, Assert.Single(history).Status);
    }

    [Fact]
    public async Task Upload_BadFile_StoresNothingAndListsTheProblems()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        var csv = new SubmissionCsvBuilder("2026-10").WithRow("new-customers", "\"1,250\"").WithRow("purchase-frequency", "1.6").WithRow("reech", "5").BuildText();

        await host.UploadAsync("sales", "2026-10.csv", csv);
        var result = await host.ResultAsync("sales", "2026-10.csv");

        Assert.Equal("rejected", result.GetProperty("status").GetString());
        Assert.Equal(2, result.GetProperty("problems").GetArrayLength());
        Assert.Empty(await host.Figures.LoadAsync(October, October, default));
        var text = (await host.Account.AnswerContainer("sales").GetBlobClient("2026-10.csv.txt").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("line 2, column 3 (value): '1,250' uses a comma", text);
        Assert.Contains("line 4, column 2 (kpi): 'reech' is not a KPI of Sales", text);
        var sheet = (await host.Account.AnswerContainer("sales").GetBlobClient("2026-10.csv.problems.csv").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("\"2\",\"3\",\"value\",\"'1,250' uses a comma", sheet);
    }

    [Fact]
    public async Task Reupload_AcceptedFile_ReplacesThePeriodsFigures()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        await host.UploadAsync("sales", "2026-10.csv", SalesCsv(1000));
        var first = await host.ResultAsync("sales", "2026-10.csv");

        await host.UploadAsync("sales", "2026-10.csv", SalesCsv(1400));
        await host.ResultAsync("sales", "2026-10.csv", r => r.GetProperty("etag").GetString() != first.GetProperty("etag").GetString());

        var stored = await host.Figures.LoadAsync(October, October, default);
        Assert.Equal(4, stored.Count);
        Assert.Equal(1400, stored.Single(f => f.KpiId == "new-customers").Value);
        Assert.Equal(2, (await host.Services.GetRequiredService<SubmissionHistoryTable>().ListAsync("sales", default)).Count);
    }

    [Fact]
    public async Task SameBytesUploadedTwice_TheSecondIsTheNewestUpload_WithTheSameFigures()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        await host.UploadAsync("sales", "2026-10.csv", SalesCsv(1250));
        var first = await host.ResultAsync("sales", "2026-10.csv");
        var once = await host.Figures.LoadAsync(October, October, default);

        await host.UploadAsync("sales", "2026-10.csv", SalesCsv(1250));
        var second = await host.ResultAsync("sales", "2026-10.csv", r => r.GetProperty("etag").GetString() != first.GetProperty("etag").GetString());

        Assert.Equal(first.GetProperty("checksum").GetString(), second.GetProperty("checksum").GetString());
        Assert.Equal("accepted", second.GetProperty("status").GetString()); // a new upload, whatever it contains
        var twice = await host.Figures.LoadAsync(October, October, default);
        Assert.Equal(once.OrderBy(f => f.KpiId), twice.OrderBy(f => f.KpiId));
    }

    [Fact]
    public async Task HostStoppedMidStream_RestartedHostFinishesTheRest_EachOnce()
    {
        var account = TestStorage.Account(azurite);
        var months = Enumerable.Range(0, 12).Select(i => new Period(2025, 11).AddMonths(i)).ToList();
        var first = await HostHarness.StartAsync(account);
        foreach (var month in months)
        {
            await first.UploadAsync("hr", $"{month}.csv", new SubmissionCsvBuilder(month.ToString()).WithRow("social-hires", "4").BuildText());
        }

        await first.ResultAsync("hr", $"{months[0]}.csv");
        await first.DisposeAsync(); // stops in the middle of the batch

        await using var second = await HostHarness.StartAsync(account);
        foreach (var month in months)
        {
            await second.ResultAsync("hr", $"{month}.csv");
        }

        var history = await second.Services.GetRequiredService<SubmissionHistoryTable>().ListAsync("hr", default);
        Assert.Equal(12, history.Count);
        Assert.All(months, m => Assert.InRange(first.Accepted["hr", m] + second.Accepted["hr", m], 0, 1)); // never twice (a stop may cut the notice after the answer)

        Assert.Equal(12, (await second.Figures.LoadAsync(months[0], months[^1], default)).Count);
    }

    [Fact]
    public async Task Restart_UploadsHandledBeforeAreNotHandledAgain_NewOnesAre()
    {
        var account = TestStorage.Account(azurite);
        var first = await HostHarness.StartAsync(account);
        await first.UploadAsync("sales", "2026-10.csv", SalesCsv(1000));
        await first.ResultAsync("sales", "2026-10.csv");
        await first.DisposeAsync();

        await using var second = await HostHarness.StartAsync(account);
        await second.UploadAsync("hr", "2026-10.csv", new SubmissionCsvBuilder("2026-10").WithRow("social-hires", "7").BuildText());
        await second.ResultAsync("hr", "2026-10.csv");
        // A safety-net scan by the new host that began after both uploads were answered, and every message it or the first
        // host queued handled.
        await second.TimerOccurrenceAfterAsync(nameof(EnqueueUnansweredUploads), TimeProvider.System.GetUtcNow());
        await second.QueueDrainedAsync();

        var history = await second.Services.GetRequiredService<SubmissionHistoryTable>().ListAsync("sales", default);
        Assert.Equal(SubmissionStatus.Accepted, history.Single().Status);
        Assert.Equal(0, second.Accepted["sales", October]); // the first host may have stopped before its notice; the second never redid it
    }

    [Fact]
    public async Task TwoHosts_SameStorage_EveryUploadHandledOnce()
    {
        var account = TestStorage.Account(azurite);
        await using var one = await HostHarness.StartAsync(account);
        await using var two = await HostHarness.StartAsync(account);
        var names = Enumerable.Range(1, 12).Select(m => $"{new Period(2025, 11).AddMonths(m - 1)}.csv").ToList();

        foreach (var name in names)
        {
            await one.UploadAsync("hr", name, new SubmissionCsvBuilder(name[..7]).WithRow("social-hires", "3").BuildText());
        }

        foreach (var name in names)
        {
            await one.ResultAsync("hr", name);
        }

        // Nothing left to do on either host: a safety-net scan by each began after every upload was answered, and the queue is empty.
        var answered = TimeProvider.System.GetUtcNow();
        await one.TimerOccurrenceAfterAsync(nameof(EnqueueUnansweredUploads), answered, "host one");
        await two.TimerOccurrenceAfterAsync(nameof(EnqueueUnansweredUploads), answered, "host two");
        await one.QueueDrainedAsync();
        var history = await one.Services.GetRequiredService<SubmissionHistoryTable>().ListAsync("hr", default);
        Assert.Equal(12, history.Count);
        Assert.All(history, h => Assert.Equal(SubmissionStatus.Accepted, h.Status));

        Assert.Equal(12, (await one.Figures.LoadAsync(new Period(2025, 11), October, default)).Count);
    }

    [Fact]
    public async Task FailingUpload_IsRetriedThenPoisoned_AndThePoisonFunctionTellsTheUploader()
    {
        // No strategy in storage: every attempt fails.
        var logs = new LogLines();
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite),
            new() { ["extensions:queues:maxDequeueCount"] = "3" }, uploadStrategy: false, logs);

        await host.UploadAsync("sales", "2026-10.csv", SalesCsv(1000));
        var result = await host.ResultAsync("sales", "2026-10.csv");

        Assert.Equal("poisoned", result.GetProperty("status").GetString());
        // The department reads that it failed and a reference; what failed is for the log only, under that reference.
        var error = result.GetProperty("error").GetString()!;
        var reference = System.Text.RegularExpressions.Regex.Match(error, @"^the upload could not be processed; the administrators were told \(reference (F-[0-9A-F]{10})\); the reporting team can find the cause in the pipeline's log under that reference\.$");
        Assert.True(reference.Success, error);
        Assert.DoesNotContain("strategy", error, StringComparison.OrdinalIgnoreCase);
        var text = await host.Account.AnswerContainer("sales").GetBlobClient("2026-10.csv.txt").DownloadContentAsync();
        Assert.DoesNotContain("strategy", text.Value.Content.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(logs.Snapshot(), line => line.StartsWith("Error: sales/2026-10.csv failed, reference " + reference.Groups[1].Value, StringComparison.Ordinal)
            && line.Contains("No strategy has been uploaded", StringComparison.Ordinal));
        Assert.Empty(await host.Figures.LoadAsync(October, October, default));
        Assert.Equal(SubmissionStatus.Poisoned, Assert.Single(await host.Services.GetRequiredService<SubmissionHistoryTable>().ListAsync("sales", default)).Status);
        Assert.True((await host.Account.SubmissionContainer("sales").GetBlobClient("2026-10.csv").ExistsAsync()).Value, "the upload itself is kept");
    }
}
