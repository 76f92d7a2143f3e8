using System.Diagnostics;
using Reporting.LocalDev;
using Reporting.Storage.Metering;

namespace Reporting.Benchmarks;

/// <summary>Reads the host's own request counts from its log (<c>Storage:OperationLogInterval</c>).</summary>
internal static class OperationLog
{
    public const string Setting = "Storage:OperationLogInterval";
    private const string Marker = "Storage operations since start:";

    /// <summary>Waits for the next counts line the host logs and returns the counts with when they were read.</summary>
    public static async Task<(IReadOnlyDictionary<StorageOperationKind, long> Counts, DateTimeOffset At)> NextAsync(LocalHostProcess host)
    {
        var seen = Lines(host).Count;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(1))
        {
            var lines = Lines(host);
            if (lines.Count > seen)
            {
                var line = lines[^1];
                return (StorageOperationCounter.Parse(line[(line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length)..]), DateTimeOffset.UtcNow);
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the host logged no request counts for a minute; is {Setting} set? See {host.LogPath}");
    }

    private static List<string> Lines(LocalHostProcess host) =>
        host.ReadLog().Split('\n').Where(l => l.Contains(Marker, StringComparison.Ordinal)).ToList();
}
