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
        // The upload pages are not what is measured: a host publishing a generated department's page (thousands of KPIs)
        // at start or after an upload would compete with the measurement for the machine's two cores.
        settings["extensions:departmentPages:autoRefresh"] = "false";
        return settings;
    }
}
