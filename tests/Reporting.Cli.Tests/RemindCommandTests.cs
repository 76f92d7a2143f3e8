using Reporting.Storage;
using Reporting.Testing;

namespace Reporting.Cli.Tests;

/// <summary><c>reporting remind --dry-run</c> as a process against the fixture's Azurite, on a clock two days before November's deadline.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RemindCommandTests(AzuriteFixture azurite)
{
    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);

    [Fact]
    public async Task DryRun_ShowsEachOwnerWhoWouldBeReminded_AndSendsNothing()
    {
        var settings = TestStorage.Settings(_account);
        settings[TestClock.Key] = "2026-12-03T09:00:00Z";
        var init = await CliProcess.RunWithSettingsAsync(settings, "init");
        var dryRun = await CliProcess.RunWithSettingsAsync(settings, "remind", "--dry-run");
        var status = await CliProcess.RunWithSettingsAsync(settings, "status", "--period", "2026-11");

        Assert.True(init.ExitCode == 0, init.All);
        Assert.True(dryRun.ExitCode == 0, dryRun.All);
        Assert.Contains("reminder (due 2026-12-05)", dryRun.Output);
        Assert.Contains("jonas.bergstrom@northwind.example.org", dryRun.Output);
        Assert.Contains("Customer Support", dryRun.Output);
        Assert.Equal(8, dryRun.Output.Split("would send").Length - 1);
        Assert.Contains("0 of 0 messages delivered", status.Output); // nothing was sent or logged
    }

    [Fact]
    public async Task Remind_WithTheRelayDown_ExitsNormally_AndStatusShowsEachUndeliveredMessageAndWhy()
    {
        var settings = TestStorage.Settings(_account);
        settings[TestClock.Key] = "2026-12-03T09:00:00Z";
        settings["Mail:Host"] = "127.0.0.1";
        settings["Mail:Port"] = "9"; // nothing listens
        settings["Mail:Security"] = "None";
        settings["Mail:Sender"] = "scorecards@reporting.example.org";
        settings["Mail:Password"] = "never-printed-7";
        Assert.Equal(0, (await CliProcess.RunWithSettingsAsync(settings, "init")).ExitCode);

        var remind = await CliProcess.RunWithSettingsAsync(settings, "remind");
        var again = await CliProcess.RunWithSettingsAsync(settings, "remind", "--dry-run");
        var status = await CliProcess.RunWithSettingsAsync(settings, "status", "--period", "2026-11");

        Assert.True(remind.ExitCode == 0, remind.All);
        Assert.Contains("8 messages handed to the relay or recorded for a retry", remind.Output);
        Assert.Equal(8, again.Output.Split("sent before").Length - 1);
        Assert.Contains("0 of 8 messages delivered, 8 undelivered", status.Output);
        Assert.Contains("failed while connecting to 127.0.0.1:9", status.Output);
        Assert.Contains("retrying", status.Output);
        Assert.DoesNotContain("never-printed-7", remind.All + status.All);
    }
}
