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
}
