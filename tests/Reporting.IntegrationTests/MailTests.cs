using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reporting.Application;
using Reporting.Application.Mail;
using Reporting.Core.Periods;
using Reporting.Delivery;
using Reporting.Delivery.Messages;
using Reporting.Delivery.Sending;
using Reporting.LocalDev;
using Reporting.Storage.Deliveries;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>Scorecard mail end to end: the real host on Azurite sending over SMTP to a real maildev, read back through its API.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MailTests(AzuriteFixture azurite)
{
    private static readonly Period October = new(2026, 10);

    private static readonly string[] Leadership = ["ceo@northwind.example.org", "cfo@northwind.example.org", "strategy-office@northwind.example.org"];

    // The sample strategy's leadership list and its eight departments' owners.
    private const int MessagesPerVersion = 11;

    [Fact]
    public async Task Render_MailsThePackToLeadership_AndEachOwnerTheirPdf_WithTheSummary()
    {
        await using var maildev = await MailDevServer.StartAsync();
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite), maildev.Settings());
        await host.UploadAsync("sales", "2026-10.csv", new SubmissionCsvBuilder("2026-10").WithRow("new-customers", "1250").BuildText());
        await host.ResultAsync("sales", "2026-10.csv");

        await host.Services.GetRequiredService<ScorecardPublisher>().PublishAsync(October, "test", default);

        var messages = await InboxAsync(maildev, MessagesPerVersion);
        Assert.Equal(MessagesPerVersion, messages.Select(m => m.To.Single().Address).Distinct().Count());
        var ceo = messages.Single(m => m.To.Single().Address == "ceo@northwind.example.org");
        Assert.Equal("Northwind Traders scorecard, October 2026", ceo.Subject);
        Assert.Equal("scorecards@reporting.example.org", ceo.From.Single().Address);
        // The first line answers "are we closer?"; then a row per department, missing ones marked, with a chip that has its word.
        Assert.Matches(@"^Are we closer\? \d+% of KPIs on track in October, (up from|down from|the same as in) ", ceo.Text);
        Assert.Contains(": 38 KPIs in 8 departments, data as of 2026-10-31.\n", ceo.Text);
        Assert.Contains("\n- [Missing] Customer Support — missing: no figures received by the deadline, 2026-11-05 (6 KPIs)\n", ceo.Text);
        Assert.Contains("white-space: nowrap;\">Missing</span></td><td valign=\"top\" style=\"padding: 8px 0; border-top: 1px solid #e5e7eb;\"><strong>Customer Support</strong>", ceo.Html);
        var pack = PdfText.Extract(await maildev.Inbox.AttachmentAsync(ceo, ceo.Attachments!.Single(a => a.FileName == "leadership.pdf")));
        Assert.Contains("Northwind Traders", pack);
        Assert.Contains("Customer Support", pack);
        Assert.All(Leadership, to => Assert.Contains(messages, m => m.To.Single().Address == to && m.Attachments!.Single().FileName == "leadership.pdf"));

        var sales = messages.Single(m => m.To.Single().Address == "amara.okafor@northwind.example.org");
        Assert.Equal("Sales scorecard, October 2026", sales.Subject);
        // Received when the storage service says so (its own clock, not the host's), on the strategy's calendar (Europe/London).
        var received = (await host.Account.SubmissionContainer("sales").GetBlobClient("2026-10.csv").GetPropertiesAsync()).Value.LastModified;
        var london = TimeZoneInfo.ConvertTime(received, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        Assert.Matches($"\nSubmission\n(On time|Late): received {london.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}[;,] ", sales.Text);
        // Sales's own four KPIs, the one it sent and the three it did not, and its upload page for the month now due.
        Assert.StartsWith("Sales, October 2026: ", sales.Text);
        var salesKpis = sales.Text!.Split('\n').SkipWhile(l => l != "Your KPIs, those needing attention first").Skip(1).TakeWhile(l => l.StartsWith("- [", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, salesKpis.Count);
        Assert.Contains(salesKpis, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^- \[(On track|At risk|Off track)\] New customers reached through social channels — actual 1,250, target "));
        Assert.Contains("on your department's upload page; the newest upload counts (link valid until ", sales.Text);
        Assert.Contains("-sales/.page/index.html?", sales.Text);
        var support = messages.Single(m => m.To.Single().Address == "jonas.bergstrom@northwind.example.org");
        Assert.Contains("\nSubmission\nMissing: no figures for October 2026 were accepted by the deadline, 2026-11-05 (end of the day, Europe/London time).", support.Text);
        var salesPdf = PdfText.Extract(await maildev.Inbox.AttachmentAsync(sales, sales.Attachments!.Single(a => a.FileName == "sales.pdf")));
        Assert.Contains("New customers", salesPdf);

        var log = await host.Services.GetRequiredService<DeliveryLogTable>().ListAsync("2026-10", default);
        Assert.Equal(MessagesPerVersion, log.Count);
        Assert.All(log, r => Assert.Equal((DeliveryStatus.Sent, 1, DeliveryKind.Scorecard), (r.Status, r.Attempts, r.Kind)));
    }

    [Fact]
    public async Task Rerender_WithTheSameFigures_SendsNothing_WithChangedFigures_SendsAnUpdate()
    {
        await using var maildev = await MailDevServer.StartAsync();
        var settings = maildev.Settings();
        settings["Mail:UpdateInterval"] = "00:00:00"; // every version as it comes (CalmUnderAFloodTests: at most one a day)
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite), settings);
        var publisher = host.Services.GetRequiredService<ScorecardPublisher>();
        await publisher.PublishAsync(October, "test", default);
        await InboxAsync(maildev, MessagesPerVersion);

        await publisher.PublishAsync(October, "test", default); // version 2, same figures
        await host.UploadAsync("hr", "2026-10.csv", new SubmissionCsvBuilder("2026-10").WithRow("social-hires", "9").BuildText());
        await host.ResultAsync("hr", "2026-10.csv");
        await publisher.PublishAsync(October, "test", default); // version 3, HR's figures arrived

        var messages = await InboxAsync(maildev, 2 * MessagesPerVersion);
        var updates = messages.Where(m => m.Subject.StartsWith("Updated: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(MessagesPerVersion, updates.Count);
        Assert.Contains(updates, m => m.Subject == "Updated: HR & Internal Communications scorecard, October 2026");
        Assert.Contains("rendered again because figures changed", updates[0].Text);
        var log = await host.Services.GetRequiredService<DeliveryLogTable>().ListAsync("2026-10", default);
        Assert.DoesNotContain(log, r => r.Version == 2);
        Assert.Equal(MessagesPerVersion, log.Count(r => r is { Version: 3, Kind: DeliveryKind.Update, Status: DeliveryStatus.Sent }));
    }

    [Fact]
    public async Task SameMessage_ClaimedByTwoHostsAtOnce_IsSentOnce()
    {
        await using var maildev = await MailDevServer.StartAsync();
        var account = TestStorage.Account(azurite);
        var key = new DeliveryKey("2026-10", DeliveryKind.Scorecard, 1, "leadership", "ceo@northwind.example.org");
        var mail = new OutgoingMail(key.Recipient, "Once", "text", "<p>html</p>");
        var dispatchers = Enumerable.Range(0, 4).Select(_ => Dispatcher(account, maildev.Settings())).ToList();

        var outcomes = await Task.WhenAll(dispatchers.Select(d => d.SendOnceAsync(key, mail, default)));
        await dispatchers[0].SendOnceAsync(key, mail, default); // a host started again later

        Assert.Equal([DeliveryStatus.Sent], outcomes.Where(o => o is not null));
        Assert.Single(await InboxAsync(maildev, 1)); // every send above has returned: a second copy would be counted

    }

    [Fact]
    public async Task UnreachableRelay_NeverFailsTheRender_IsLoggedWithoutTheSecret_AndRetriedLater()
    {
        var account = TestStorage.Account(azurite);
        var down = new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = "9",
            ["Mail:Security"] = "None",
            ["Mail:Sender"] = "scorecards@reporting.example.org",
            ["Mail:UserName"] = "relay-user",
            ["Mail:Password"] = "not-in-any-log-42",
            ["Mail:RetryDelay"] = "00:00:00",
        };
        await using (var host = await HostHarness.StartAsync(account, down))
        {
            var published = await host.Services.GetRequiredService<ScorecardPublisher>().PublishAsync(October, "test", default);
            Assert.Equal(1, published.Version);
        }

        var log = new DeliveryLogTable(account, TimeProvider.System);
        var failed = await log.ListAsync("2026-10", default);
        Assert.Equal(MessagesPerVersion, failed.Count);
        Assert.All(failed, r =>
        {
            Assert.Equal(DeliveryStatus.Failed, r.Status);
            Assert.StartsWith("failed while connecting to 127.0.0.1:9", r.LastError);
            Assert.DoesNotContain("not-in-any-log-42", r.LastError);
        });

        await using var maildev = await MailDevServer.StartAsync();
        var tried = await Dispatcher(account, maildev.Settings()).RetryDueAsync(default);

        Assert.Equal(MessagesPerVersion, tried);
        var messages = await InboxAsync(maildev, MessagesPerVersion);
        Assert.Contains(messages, m => m.Subject == "Northwind Traders scorecard, October 2026" && m.Attachments!.Single().FileName == "leadership.pdf");
        Assert.All(await log.ListAsync("2026-10", default), r => Assert.Equal((DeliveryStatus.Sent, 2), (r.Status, r.Attempts)));
    }

    [Fact]
    public async Task LastAttemptFailing_GivesUp_AndDropsTheOutboxCopy()
    {
        var account = TestStorage.Account(azurite);
        var options = Options.Create(new MailOptions { Host = "127.0.0.1", Port = 9, Security = MailSecurity.None, Sender = "scorecards@reporting.example.org", MaxAttempts = 2, RetryDelay = TimeSpan.Zero });
        var log = new DeliveryLogTable(account, TimeProvider.System);
        var outbox = new DeliveryOutbox(account);
        var dispatcher = new MailDispatcher(log, outbox, new SmtpMailSender(options, NullLogger<SmtpMailSender>.Instance), options, TimeProvider.System, NullLogger<MailDispatcher>.Instance);
        var key = new DeliveryKey("2026-10", DeliveryKind.Scorecard, 1, "leadership", "ceo@northwind.example.org");

        Assert.Equal(DeliveryStatus.Failed, await dispatcher.SendOnceAsync(key, new OutgoingMail(key.Recipient, "Pack", "text", "<p>html</p>"), default));
        Assert.NotNull(await outbox.ReadAsync(key.Period, key.RowKey, default));
        Assert.Equal(1, await dispatcher.RetryDueAsync(default));
        Assert.Equal(0, await dispatcher.RetryDueAsync(default));

        var record = Assert.Single(await log.ListAsync("2026-10", default));
        Assert.Equal((DeliveryStatus.GaveUp, 2, null), (record.Status, record.Attempts, record.NextAttemptUtc));
        Assert.Null(await outbox.ReadAsync(key.Period, key.RowKey, default));
    }

    [Fact]
    public async Task PdfLargerThanTheLimit_IsLinked_AndTheLinkDownloadsThatVersion()
    {
        await using var maildev = await MailDevServer.StartAsync();
        var settings = maildev.Settings();
        settings["Mail:MaxAttachmentBytes"] = "1000";
        settings["Mail:LinkValidity"] = "2.00:00:00";
        // Storage checks a link's expiry against its own clock, the real one: this host signs on the real clock too (an
        // empty Reporting:Now), so the link downloads whatever today's date is, and the expected expiry is computed from it.
        settings[TestClock.Key] = "";
        var before = TimeProvider.System.GetUtcNow();
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite), settings);
        await host.Services.GetRequiredService<ScorecardPublisher>().PublishAsync(October, "test", default);
        var after = TimeProvider.System.GetUtcNow();

        var ceo = (await InboxAsync(maildev, MessagesPerVersion)).Single(m => m.To.Single().Address == "ceo@northwind.example.org");
        Assert.Empty(ceo.Attachments ?? []);
        var until = System.Text.RegularExpressions.Regex.Match(ceo.Text!, @"The PDF \(leadership\.pdf\) is too large to attach\. Download it here until (\d{4}-\d\d-\d\d \d\d:\d\d) UTC:");
        Assert.True(until.Success, ceo.Text);
        var expires = DateTimeOffset.ParseExact(until.Groups[1].Value + "Z", "yyyy-MM-dd HH:mmK", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, Minute(before.AddDays(2)), after.AddDays(2));
        var link = ceo.Text!.Split('\n').Single(l => l.StartsWith("http://", StringComparison.Ordinal));
        Assert.Contains("/versions/001/leadership.pdf?", link);
        using var http = new HttpClient();
        Assert.Contains("Northwind Traders", PdfText.Extract(await http.GetByteArrayAsync(link)));
    }

    private static DateTimeOffset Minute(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);

    // Every caller has awaited the sends it expects (a publish, a retry), so once the count is reached nothing more is on
    // its way: a message sent twice makes the count too high, and the test fails.
    private static async Task<IReadOnlyList<MailDevMessage>> InboxAsync(MailDevServer maildev, int count)
    {
        var messages = await Eventually.GetAsync(async () =>
        {
            var messages = await maildev.Inbox.ListAsync();
            return messages.Count >= count ? messages : null;
        }, $"{count} messages in maildev");
        Assert.Equal(count, messages.Count);
        return messages;
    }

    private static MailDispatcher Dispatcher(Reporting.Storage.ReportingStorageAccount account, Dictionary<string, string?> settings)
    {
        var options = Options.Create(new MailOptions
        {
            Host = settings["Mail:Host"]!,
            Port = int.Parse(settings["Mail:Port"]!, System.Globalization.CultureInfo.InvariantCulture),
            Security = MailSecurity.None,
            Sender = settings["Mail:Sender"]!,
        });
        return new MailDispatcher(new DeliveryLogTable(account, TimeProvider.System), new DeliveryOutbox(account), new SmtpMailSender(options, NullLogger<SmtpMailSender>.Instance), options, TimeProvider.System, NullLogger<MailDispatcher>.Instance);
    }
}
