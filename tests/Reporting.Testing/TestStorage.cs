using Microsoft.Extensions.Options;
using Reporting.Storage;

namespace Reporting.Testing;

/// <summary>A storage account on the fixture's Azurite with names unique to one test, so tests never see each other's data.</summary>
public static class TestStorage
{
    public static ReportingStorageAccount Account(AzuriteFixture azurite, string? prefix = null) =>
        new(Options.Create(StorageOptions.Prefixed(azurite.ConnectionString, prefix ?? "t" + Guid.NewGuid().ToString("N")[..8])), azurite.Violations);

    /// <summary>The same names as configuration keys, for tests that build the real host or run the CLI.</summary>
    public static Dictionary<string, string?> Settings(ReportingStorageAccount account) => account.Options.ToSettings();
}
