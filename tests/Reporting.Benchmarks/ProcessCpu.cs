using System.Globalization;

namespace Reporting.Benchmarks;

/// <summary>A process's CPU time (user + system) from /proc/&lt;pid&gt;/stat, to report a share of one core over a window.</summary>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Used(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture);   // field 14, utime
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture); // field 15, stime
        return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
    }

    /// <summary>Percent of one core used between two readings <paramref name="elapsed"/> apart.</summary>
    public static double PercentOfCore(TimeSpan before, TimeSpan after, TimeSpan elapsed) => (after - before) / elapsed * 100;
}
