using Microsoft.Extensions.Options;
using Reporting.Storage;
using Reporting.LocalDev;
using Reporting.Storage.Leases;

namespace Reporting.Testing;

/// <summary>A storage account on the fixture's Azurite with names unique to one test, so tests never see each other's data.</summary>
public static class TestStorage
{
    /// <summary>Azure's rules are checked on every request, whatever the default (tests hold the code to Azure, not to Azurite).</summary>
    public static ReportingStorageAccount Account(AzuriteFixture azurite, string? prefix = null)
    {
        var options = StorageOptions.Prefixed(azurite.ConnectionString, prefix ?? "t" + Guid.NewGuid().ToString("N")[..8]);
        options.EnforceAzureRules = true;
        return new(Options.Create(options), azurite.Violations);
    }

    /// <summary>An account on a loopback port nothing listens on: storage that is down.</summary>
    public static ReportingStorageAccount Unreachable() =>
        new(Options.Create(StorageOptions.Prefixed(
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteEmulator.AccountName};AccountKey={AzuriteEmulator.AccountKey};"
            + $"BlobEndpoint=http://127.0.0.1:9/{AzuriteEmulator.AccountName};TableEndpoint=http://127.0.0.1:9/{AzuriteEmulator.AccountName}", "down")));

    /// <summary>The same names as configuration keys, for tests that build the real host or run the CLI.</summary>
    public static Dictionary<string, string?> Settings(ReportingStorageAccount account)
    {
        var settings = account.Options.ToSettings();
        settings[$"{LeaseOptions.Section}:{nameof(LeaseOptions.LockContainer)}"] = Leases(account).Value.LockContainer;
        return settings;
    }

    /// <summary>
    /// The test's own lock container (<c>&lt;prefix&gt;-locks</c>), so a lock or timer record left by one test's host
    /// (killed, say) never holds up another test's.
    /// </summary>
    public static IOptions<LeaseOptions> Leases(ReportingStorageAccount account)
    {
        const string suffix = "-config";
        var config = account.Options.ConfigContainer;
        return Options.Create(new LeaseOptions
        {
            LockContainer = config.EndsWith(suffix, StringComparison.Ordinal) ? config[..^suffix.Length] + "-locks" : new LeaseOptions().LockContainer,
        });
    }
}
