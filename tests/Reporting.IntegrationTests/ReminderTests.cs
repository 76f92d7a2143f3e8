using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Application.Mail;
using Reporting.LocalDev;
using Reporting.Storage.Blobs;
using Reporting.Storage.Deliveries;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>Deadline mail on the real host's services, Azurite and maildev; the host's clock is set to days around November's deadline (5 December).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task BeforeTheDeadline_EachDepartmentWithoutFigures_IsRemindedOnce_WithItsLinkAndTemplate_ThenTheDayAfter_MissingNotices()
    {
        await using var maildev = await MailDevServer.StartAsync();
        var account = TestStorage.Account(azurite);
        var settings = maildev.Settings();
        settings[TestClock.Key] = "2026-12-03T09:00:00Z";
        // The test calls the service itself: the host's timers stay out of the way (HostHarness parks them; on 6 December
        // the monthly run would render November and mail its scorecards, as it should).
        await using (var host = await HostHarness.StartAsync(account, settings))
        {
            await host.UploadAsync("sales", "2026-11.csv", new SubmissionCsvBuilder("2026-11").WithRow("new-customers", "1250").BuildText());
            await host.ResultAsync("sales", "2026-11.csv");
            var reminders = host.Services.GetRequiredService<DeadlineReminders>();

            var plan = await reminders.PlanAsync(default);
            Assert.Equal(7, plan.Count);
            Assert.DoesNotContain(plan, p => p.Key.Document == "sales");
            Assert.Equal(7, await reminders.SendAsync(default));
            Assert.Equal(0, await reminders.SendAsync(default)); // the next day's run, or a second host
            Assert.All(await reminders.PlanAsync(default), p => Assert.True(p.AlreadyLogged));
        }

        var messages = await InboxAsync(maildev, 7);
        var support = messages.Single(m => m.To.Single().Address == "jonas.bergstrom@northwind.example.org");
        Assert.Equal("Reminder: Customer Support figures for November 2026 are due 2026-12-05", support.Subject);
        Assert.Contains("The Northwind Traders scorecard needs Customer Support's figures for November 2026 by 2026-12-05 (end of the day, Europe/London time);", support.Text);
        // The link to follow is the department's upload page (its answer container, read-only), the upload link in its fragment.
        Assert.Contains($"/{account.Options.AnswerContainerPrefix}customer-support/.page/index.html?", support.Text);
        Assert.Contains($"#upload=http%3A%2F%2F127.0.0.1%3A", support.Text);
        Assert.Contains($"%2F{account.Options.SubmissionContainerPrefix}customer-support%3F", support.Text);
        Assert.Contains("Your upload page</a>", support.Html);
        // The link is signed on the host's clock (3 December), so storage, on the real clock, may already refuse it: what it
        // grants is read from its signature instead. The department's own upload container, read, create, write and list,
        // for the 7 days of Mail:UploadLinkValidity.
        var upload = System.Web.HttpUtility.ParseQueryString(new Uri(support.Text!.Split('"').Single(p => p.Contains("-sub-customer-support/2026-11.csv?", StringComparison.Ordinal))).Query);
        Assert.Equal(("c", "rcwl"), (upload["sr"], upload["sp"]));
        Assert.InRange(DateTimeOffset.Parse(upload["se"]!, System.Globalization.CultureInfo.InvariantCulture), new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 10, 9, 5, 0, TimeSpan.Zero));
        Assert.Contains($"curl -X PUT -H \"x-ms-blob-type: BlockBlob\" --data-binary @2026-11.csv \"http://127.0.0.1:", support.Text);
        Assert.Contains("-sub-customer-support/2026-11.csv?", support.Text);
        var template = Encoding.UTF8.GetString(await maildev.Inbox.AttachmentAsync(support, support.Attachments!.Single(a => a.FileName == "2026-11.csv")));
        Assert.StartsWith("period,kpi,value,comment\n2026-11,support-cost,,\n", template.ReplaceLineEndings("\n")); // text parts travel with CRLF

        settings[TestClock.Key] = "2026-12-06T09:00:00Z";
        await using (var host = await HostHarness.StartAsync(account, settings))
        {
            Assert.Equal(8, await host.Services.GetRequiredService<DeadlineReminders>().SendAsync(default));
        }

        messages = await InboxAsync(maildev, 15); // exactly: the second host's sends have returned, and sent nothing twice
        var admin = messages.Single(m => m.To.Single().Address == "reporting-admin@northwind.example.org");
        Assert.Equal("Missing figures for November 2026: 7 departments", admin.Subject);
        Assert.Contains("by the deadline, 2026-12-05 (end of the day, Europe/London time):", admin.Text);
        Assert.Contains("- Customer Support (Jonas Bergström, jonas.bergstrom@northwind.example.org)", admin.Text);
        Assert.DoesNotContain("Sales", admin.Text);
        Assert.Contains(messages, m => m.Subject == "Missing: Customer Support figures for November 2026");
        var log = await new DeliveryLogTable(account, TimeProvider.System).ListAsync("2026-11", default);
        Assert.Equal((7, 8), (log.Count(r => r.Kind == DeliveryKind.Reminder), log.Count(r => r.Kind == DeliveryKind.MissingNotice)));
    }

    [Theory]
    [InlineData("Europe/London", DeliveryKind.Reminder)] // 16:00 on 5 December: the deadline day, still reminding
    [InlineData("Asia/Tokyo", DeliveryKind.MissingNotice)] // 01:00 on 6 December: the deadline has passed
    [InlineData("America/Los_Angeles", DeliveryKind.Reminder)] // 08:00 on 5 December
    public async Task TheDayIsCountedInTheStrategysZone(string zone, DeliveryKind expected)
    {
        var account = TestStorage.Account(azurite);
        var settings = new Dictionary<string, string?>
        {
            [TestClock.Key] = "2026-12-05T16:00:00Z",
        };
        await using var host = await HostHarness.StartAsync(account, settings);
        var yaml = await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "strategy.yaml"));
        await host.Services.GetRequiredService<StrategyBlob>().WriteAsync(yaml.Replace("timeZone: Europe/London", $"timeZone: {zone}", StringComparison.Ordinal), default);

        var plan = await host.Services.GetRequiredService<DeadlineReminders>().PlanAsync(default);

        Assert.NotEmpty(plan);
        Assert.All(plan, p => Assert.Equal((expected, "2026-11", new DateOnly(2026, 12, 5)), (p.Key.Kind, p.Period.ToString(), p.Deadline)));
    }

    // Every caller has awaited the sends it expects, so once the count is reached nothing more is on its way: a message
    // sent twice makes the count too high.
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
}
