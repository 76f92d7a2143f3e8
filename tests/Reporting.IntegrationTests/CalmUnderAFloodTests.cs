using System.Globalization;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.LocalDev;
using Reporting.Storage.Blobs;
using Reporting.Storage.Deliveries;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>
/// Late uploads that keep marking a month stale render it once per rerenderInterval, and its "updated" mail goes out at most
/// once per Mail:UpdateInterval, the latest version once the interval has passed. Time is the test's: a FakeTimeProvider.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CalmUnderAFloodTests(AzuriteFixture azurite)
{
    private static readonly Period October = new(2026, 10);

    // The sample strategy's leadership list and its eight departments' owners.
    private const int MessagesPerVersion = 11;

    [Fact]
    public async Task MonthMarkedStaleAgainAndAgain_IsRenderedOncePerRerenderInterval()
    {
        var clock = TestClock.Fake();
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite), new Dictionary<string, string?>
        {
            ["extensions:monthlyScorecards:rerenderInterval"] = "01:00:00",
        }, clock: clock);
        var run = pipeline.Get<MonthlyRun>();
        await pipeline.Get<ScorecardPublisher>().PublishAsync(October, "timer", default); // 09:00

        await AcceptAsync(pipeline, "hr", "social-hires");
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(await run.RunAsync(default));
        await AcceptAsync(pipeline, "sales", "new-customers");
        clock.Advance(TimeSpan.FromMinutes(49)); // 09:59
        Assert.Empty(await run.RunAsync(default));
        clock.Advance(TimeSpan.FromMinutes(1)); // 10:00, an hour after the render
        Assert.Equal([October], await run.RunAsync(default));
        Assert.Empty(await run.RunAsync(default));

        await AcceptAsync(pipeline, "customer-support", "support-cost");
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(await run.RunAsync(default));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal([October], await run.RunAsync(default));

        var entry = (await pipeline.Get<ScorecardIndexStore>().ReadAsync(default)).Find(October.ToString())!;
        Assert.Equal(["timer", "stale", "stale"], entry.Versions.Select(v => v.Trigger));
        Assert.Equal([TestClock.Now, TestClock.Now.AddHours(1), TestClock.Now.AddHours(2)], entry.Versions.Select(v => v.RenderedUtc));
        Assert.False(entry.Stale);
    }

    [Fact]
    public async Task ManyVersionsInADay_UpdatesAreHeld_AndOnlyTheLatestIsMailedOnceTheDayHasPassed()
    {
        var clock = TestClock.Fake();
        await using var maildev = await MailDevServer.StartAsync();
        var settings = maildev.Settings();
        settings["extensions:monthlyScorecards:rerenderInterval"] = "00:00:00"; // every version the flood causes is rendered
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite), settings, clock: clock);
        var run = pipeline.Get<MonthlyRun>();
        var index = pipeline.Get<ScorecardIndexStore>();
        await pipeline.Get<ScorecardPublisher>().PublishAsync(October, "timer", default);
        Assert.Equal(MessagesPerVersion, (await maildev.Inbox.ListAsync()).Count);

        foreach (var (department, kpi) in new[] { ("hr", "social-hires"), ("sales", "new-customers") })
        {
            await AcceptAsync(pipeline, department, kpi);
            clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal([October], await run.RunAsync(default));
        }

        var held = (await index.ReadAsync(default)).Find(October.ToString())!;
        Assert.Equal((3, 1, TestClock.Now, 2), (held.LatestVersion, held.MailedVersion, held.MailedUtc, held.HeldUpdates));
        Assert.Equal(MessagesPerVersion, (await maildev.Inbox.ListAsync()).Count); // every send has returned: nothing more is coming

        clock.Advance(TimeSpan.FromDays(1) - TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1)); // 08:59 the next day
        await run.RunAsync(default);
        Assert.Equal(MessagesPerVersion, (await maildev.Inbox.ListAsync()).Count);
        clock.Advance(TimeSpan.FromMinutes(1)); // a day after the last mail: the latest version goes, without a render
        Assert.Empty(await run.RunAsync(default));
        await run.RunAsync(default);

        var messages = await maildev.Inbox.ListAsync();
        Assert.Equal(2 * MessagesPerVersion, messages.Count);
        Assert.Equal(MessagesPerVersion, messages.Count(m => m.Subject.StartsWith("Updated: ", StringComparison.Ordinal)));
        var log = await pipeline.Get<DeliveryLogTable>().ListAsync(October.ToString(), default);
        Assert.DoesNotContain(log, r => r.Version == 2);
        Assert.Equal(MessagesPerVersion, log.Count(r => r is { Version: 3, Kind: DeliveryKind.Update, Status: DeliveryStatus.Sent }));
        var mailed = (await index.ReadAsync(default)).Find(October.ToString())!;
        Assert.Equal((3, 3, TestClock.Now.AddDays(1), 0), (mailed.LatestVersion, mailed.MailedVersion, mailed.MailedUtc, mailed.HeldUpdates));

        // The next change that day is held again, until a day after this mail.
        await AcceptAsync(pipeline, "customer-support", "support-cost");
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal([October], await run.RunAsync(default));
        Assert.Equal(2 * MessagesPerVersion, (await maildev.Inbox.ListAsync()).Count);
        Assert.Equal(1, (await index.ReadAsync(default)).Find(October.ToString())!.HeldUpdates);
    }

    [Fact]
    public async Task HeldUpdate_ThenAVersionWithTheFiguresLastMailed_NothingIsLeftToMail()
    {
        var clock = TestClock.Fake();
        await using var maildev = await MailDevServer.StartAsync();
        var settings = maildev.Settings();
        settings["extensions:monthlyScorecards:rerenderInterval"] = "00:00:00";
        await using var pipeline = await PipelineWithoutHost.StartAsync(TestStorage.Account(azurite), settings, clock: clock);
        var run = pipeline.Get<MonthlyRun>();
        await pipeline.Ingestion.IngestAsync(await pipeline.UploadAsync("sales", "2026-10.csv", Csv("new-customers", 1000)), default);
        await pipeline.Get<ScorecardPublisher>().PublishAsync(October, "timer", default);

        // A correction, then the first file's figures again (a later upload of the same bytes): back to what was mailed.
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // the storage service stamps uploads in whole seconds
        await pipeline.Ingestion.IngestAsync(await pipeline.UploadAsync("sales", "2026-10 corrected.csv", Csv("new-customers", 1100)), default);
        clock.Advance(TimeSpan.FromHours(1));
        await run.RunAsync(default);
        Assert.Equal(1, (await pipeline.Get<ScorecardIndexStore>().ReadAsync(default)).Find(October.ToString())!.HeldUpdates);
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await pipeline.Ingestion.IngestAsync(await pipeline.UploadAsync("sales", "2026-10.csv", Csv("new-customers", 1000)), default);
        clock.Advance(TimeSpan.FromHours(1));
        await run.RunAsync(default);

        var entry = (await pipeline.Get<ScorecardIndexStore>().ReadAsync(default)).Find(October.ToString())!;
        Assert.Equal((3, 1, 0), (entry.LatestVersion, entry.MailedVersion, entry.HeldUpdates));
        clock.Advance(TimeSpan.FromDays(1));
        await run.RunAsync(default);
        Assert.Equal(MessagesPerVersion, (await maildev.Inbox.ListAsync()).Count);
    }

    private static string Csv(string kpi, int value) =>
        new SubmissionCsvBuilder(October.ToString()).WithRow(kpi, value.ToString(CultureInfo.InvariantCulture)).BuildText();

    // A department's October figures, accepted: every rendered month that reads October is stale after it.
    private static async Task AcceptAsync(PipelineWithoutHost pipeline, string department, string kpi)
    {
        await pipeline.Ingestion.IngestAsync(await pipeline.UploadAsync(department, "2026-10.csv", Csv(kpi, 7)), default);
        Assert.Equal("accepted", (await pipeline.AnswerAsync(department, "2026-10.csv")).GetProperty("status").GetString());
    }
}
