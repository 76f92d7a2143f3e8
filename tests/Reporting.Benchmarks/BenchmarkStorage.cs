using Microsoft.Extensions.Options;
using Reporting.Storage;

namespace Reporting.Benchmarks;

// Storage names unique to one scenario on the shared emulator, and the same names as host settings.
internal static class BenchmarkStorage
{
    public static ReportingStorageAccount Account(string connection, string scenario) =>
        new(Options.Create(StorageOptions.Prefixed(connection, scenario)));

    public static Dictionary<string, string?> Settings(ReportingStorageAccount account)
    {
        var settings = account.Options.ToSettings();
        settings["logging:logLevel:default"] = "Warning";
        settings["logging:logLevel:Reporting"] = "Warning";
        return settings;
    }
}
