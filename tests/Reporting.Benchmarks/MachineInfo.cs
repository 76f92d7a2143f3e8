using System.Runtime.InteropServices;
using System.Text.Json;

namespace Reporting.Benchmarks;

// What the figures were measured on.
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024 / 1024
            : 0;
        return $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory} GiB RAM, " +
               $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}, Azurite {AzuriteVersion()} (in memory)";
    }

    private static string AzuriteVersion()
    {
        var manifest = Path.Combine(LocalDev.AzuriteInstallation.FindRepositoryRoot(), "node_modules", "azurite", "package.json");
        return File.Exists(manifest) ? JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("version").GetString() ?? "?" : "?";
    }
}
