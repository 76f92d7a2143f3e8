using Microsoft.Extensions.DependencyInjection;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Functions;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class ScorecardTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TimerFunction_OnItsSchedule_RendersThePreviousMonthIntoBlobStorage()
    {
        var previous = TestClock.LastMonth; // the host's clock starts at TestClock.Now
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite), new()
        {
            [FunctionSettings.MonthlyCheckSchedule] = "*/2 * * * * *",
        });
        await host.UploadAsync("sales", $"{previous}.csv", new SubmissionCsvBuilder(previous.ToString()).WithRow("new-customers", "1300").BuildText());
        await host.ResultAsync("sales", $"{previous}.csv");

        var scorecards = host.Services.GetRequiredService<ScorecardBlobs>();
        var names = await Eventually.GetAsync(async () =>
        {
            var listed = await scorecards.ListAsync(previous, default);
            return listed.Contains("scorecard.json") ? listed : null;
        }, "the timer's scorecards", TimeSpan.FromSeconds(40));

        Assert.Contains("leadership.pdf", names);
        Assert.Contains("sales.pdf", names);
        var text = PdfText.Extract(await scorecards.ReadAsync(previous, "leadership.pdf", default));
        Assert.Contains("Northwind Traders", text);
        Assert.Contains("Customer Support", text);
    }

    [Fact]
    public async Task TwoHosts_TimerEveryFewSeconds_RenderTheDueMonthOnce()
    {
        var previous = TestClock.LastMonth;
        var account = TestStorage.Account(azurite);
        var settings = new Dictionary<string, string?>
        {
            [FunctionSettings.MonthlyCheckSchedule] = "*/2 * * * * *",
        };
        await using var one = await HostHarness.StartAsync(account, settings);
        await using var two = await HostHarness.StartAsync(account, settings);
        // Both hosts ask on every occurrence (the local runner has no cross-instance timer lock): the question is what keeps it once.
        var log = new ScorecardRunTable(account, TimeProvider.System);
        await Eventually.GetAsync(async () => (await log.ListAsync(previous.ToString(), default)).Any(r => r.Outcome == "succeeded") ? "rendered" : null,
            "the due month's render to be logged as finished", TimeSpan.FromSeconds(40));

        // Every occurrence scheduled after this moment starts after the render has finished: wait until each host has run one.
        var rendered = TimeProvider.System.GetUtcNow();
        var firedByOne = await one.TimerOccurrenceAfterAsync(nameof(MonthlyScorecards), rendered, "host one");
        var firedByTwo = await two.TimerOccurrenceAfterAsync(nameof(MonthlyScorecards), rendered, "host two");

        TimerOccurrences.AssertEachOnce(firedByOne, "host one");
        TimerOccurrences.AssertEachOnce(firedByTwo, "host two");
        var runs = (await log.ListAsync(previous.ToString(), default)).Where(r => r.Trigger == "timer").ToList();
        Assert.Equal("succeeded", Assert.Single(runs).Outcome);
    }

    [Fact]
    public async Task Rerender_MakesANewVersion_KeepsTheEarlierOne_AndIndexesBoth()
    {
        var october = new Period(2026, 10);
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        var publisher = host.Services.GetRequiredService<ScorecardPublisher>();
        var first = await publisher.PublishAsync(october, "test", default);
        await host.UploadAsync("sales", "2026-10.csv", new SubmissionCsvBuilder("2026-10").WithRow("new-customers", "1250").BuildText());
        await host.ResultAsync("sales", "2026-10.csv");
        var second = await publisher.PublishAsync(october, "test", default);

        var scorecards = host.Services.GetRequiredService<ScorecardBlobs>();
        Assert.Equal([1, 2], await scorecards.ListVersionsAsync(october, default));
        Assert.Equal((first.Version, second.Version), (1, 2));
        Assert.Equal(await scorecards.ReadVersionAsync(october, 2, "scorecard.json", default), await scorecards.ReadAsync(october, "scorecard.json", default));
        Assert.Equal(await scorecards.ReadVersionAsync(october, 2, "leadership.pdf", default), await scorecards.ReadAsync(october, "leadership.pdf", default));
        // The latest files are copies of the version's, content types included (a browser opens them as what they are).
        var container = host.Account.BlobService.GetBlobContainerClient(host.Account.Options.ScorecardContainer);
        Assert.Equal("application/pdf", (await container.GetBlobClient("2026-10/leadership.pdf").GetPropertiesAsync()).Value.ContentType);
        Assert.Equal("application/json", (await container.GetBlobClient("2026-10/scorecard.json").GetPropertiesAsync()).Value.ContentType);
        Assert.Contains("\"actual\": null", System.Text.Encoding.UTF8.GetString(await scorecards.ReadVersionAsync(october, 1, "scorecard.json", default)));
        var entry = (await host.Services.GetRequiredService<ScorecardIndexStore>().ReadAsync(default)).Find("2026-10")!;
        Assert.Equal(2, entry.LatestVersion);
        Assert.Equal([1, 2], entry.Versions.Select(v => v.Version));
        Assert.False(entry.Stale);
        Assert.Contains("leadership.pdf", entry.Versions[1].Files);
    }

    [Fact]
    public async Task AcceptedSubmissionAfterARender_MarksThePeriodStale_AndItIsRenderedAgainAutomatically()
    {
        var october = new Period(2026, 10);
        var account = TestStorage.Account(azurite);
        // The first render before any timer runs: a timer started beside it could render the due month first (as "timer"),
        // and the test's render would then be version 2, looking like the re-render.
        await using (var first = await HostHarness.StartAsync(account))
        {
            await first.Services.GetRequiredService<ScorecardPublisher>().PublishAsync(october, "test", default);
        }

        // Each host's clock starts at its own Reporting:Now: this one later that morning, so its runs are logged as newer.
        await using var host = await HostHarness.StartAsync(account, new()
        {
            [FunctionSettings.MonthlyCheckSchedule] = "*/2 * * * * *",
            [TestClock.Key] = "2026-11-10T09:30:00Z",
            ["extensions:monthlyScorecards:rerenderInterval"] = "00:00:00", // at the next check (CalmUnderAFloodTests: the interval)
        });
        await host.UploadAsync("hr", "2026-10.csv", new SubmissionCsvBuilder("2026-10").WithRow("social-hires", "9").BuildText());
        await host.ResultAsync("hr", "2026-10.csv");

        var index = host.Services.GetRequiredService<ScorecardIndexStore>();
        var rerendered = await Eventually.GetAsync(async () =>
        {
            var entry = (await index.ReadAsync(default)).Find("2026-10");
            return entry is { LatestVersion: 2, Stale: false } ? entry : null;
        }, "the stale month to be rendered again", TimeSpan.FromSeconds(30));
        Assert.Equal("stale", rerendered.Versions[^1].Trigger);
        var log = host.Services.GetRequiredService<ScorecardRunTable>();
        var runs = await Eventually.GetAsync(async () =>
        {
            var list = await log.ListAsync("2026-10", default);
            return list.All(r => r.Outcome == "succeeded") ? list : null; // the run is logged as finished just after the index
        }, "the re-render's run to be logged as finished");
        Assert.Equal(["stale", "test"], runs.Select(r => r.Trigger));
    }

    [Fact]
    public async Task FailedRun_IsRecordedAsFailedAndThrown_NotReportedAsSuccess()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite), uploadStrategy: false);
        var publisher = host.Services.GetRequiredService<ScorecardPublisher>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(new Period(2026, 10), "test", default));

        var run = Assert.Single(await host.Services.GetRequiredService<ScorecardRunTable>().ListAsync("2026-10", default));
        Assert.Equal("failed", run.Outcome);
        Assert.Equal(error.Message, run.Error);
        Assert.Null(run.Version);
        Assert.Empty(await host.Services.GetRequiredService<ScorecardBlobs>().ListVersionsAsync(new Period(2026, 10), default));
    }

    [Fact]
    public async Task BaselineBeforeTheScoringHistory_IsAveragedFromItsOwnMonths_ReadAfterTheStrategy()
    {
        // The run reads the twelve months of history while it reads the strategy; a baseline further back is read after.
        var october = new Period(2026, 10);
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite), uploadStrategy: false);
        await host.Services.GetRequiredService<StrategyBlob>().WriteAsync("""
            organisation: Baseline Test
            departments:
              - id: ops
                name: Operations
                owner: Olga
                kpis:
                  - id: cost
                    name: Cost
                    unit: count
                    direction: lower
                    targets:
                      - { from: 2026-01, change: -0.10, baseline: { from: 2025-01, to: 2025-03 } }
            """, default);
        foreach (var (month, value) in new[] { (new Period(2025, 1), 90.0), (new Period(2025, 2), 100.0), (new Period(2025, 3), 110.0), (october, 85.0) })
        {
            var stamp = new SubmissionStamp(TestClock.Now, $"{month}.csv", "\"test\"");
            await host.Figures.PublishAsync("ops", month, stamp, [new("ops", month, "cost", value, null)], null, default);
        }

        var published = await host.Services.GetRequiredService<ScorecardPublisher>().PublishAsync(october, "test", default);

        var cost = published.Scorecard.Departments.Single().Kpis.Single();
        Assert.Equal(90, cost.Target!.Value!.Value, 6);
        Assert.Equal(85, cost.Actual);
    }

    [Fact]
    public async Task SubmissionAfterTheDeadline_IsShownAsLate()
    {
        var september = new Period(2026, 9); // due by 5 October; the host's clock says 10 November
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        await host.UploadAsync("pr", "2026-09.csv", new SubmissionCsvBuilder("2026-09").WithRow("brand-mentions", "9500").BuildText());
        await host.ResultAsync("pr", "2026-09.csv");

        var published = await host.Services.GetRequiredService<ScorecardPublisher>().PublishAsync(september, "test", default);

        var pr = published.Scorecard.Departments.Single(d => d.Id == "pr");
        Assert.True(pr.IsLate);
        var text = PdfText.Words(PdfText.Extract(await host.Services.GetRequiredService<ScorecardBlobs>().ReadAsync(september, "leadership.pdf", default), layout: false));
        Assert.Contains("Late: PR & Communications (received", text);
        Assert.Contains("Missing by the deadline, 2026-10-05 (Europe/London):", text); // the deadline day is the strategy zone's
    }

    [Fact]
    public async Task MonthlyScorecardsFunction_InvokedWithTheRealRegistrations_WritesPdfsAndJsonForTheDueMonth()
    {
        var october = new Period(2026, 10);
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        await host.UploadAsync("sales", "2026-10.csv", new SubmissionCsvBuilder("2026-10").WithRow("new-customers", "900").BuildText());
        await host.ResultAsync("sales", "2026-10.csv");

        // The host's clock says 10 November: October is due (06:00 London on the 6th) and was never rendered.
        await ActivatorUtilities.CreateInstance<MonthlyScorecards>(host.Services).RunAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), default);

        var scorecards = host.Services.GetRequiredService<ScorecardBlobs>();
        var names = await scorecards.ListAsync(october, default);
        Assert.Equal(["community.pdf", "customer-support.pdf", "hr.pdf", "leadership.pdf", "marketing.pdf", "pr.pdf", "product-development.pdf", "sales.pdf", "scorecard.json", "transformation-office.pdf"], names.Order(StringComparer.Ordinal));
        var json = System.Text.Json.JsonDocument.Parse(await scorecards.ReadAsync(october, "scorecard.json", default)).RootElement;
        var sales = json.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "sales");
        var reach = sales.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "new-customers");
        Assert.Equal(900, reach.GetProperty("actual").GetDouble());
        Assert.Equal("red", reach.GetProperty("status").GetString());
        var salesPdf = PdfText.Words(PdfText.Extract(await scorecards.ReadAsync(october, "sales.pdf", default), layout: false));
        Assert.Contains("New customers reached through social channels", salesPdf);
    }
}
