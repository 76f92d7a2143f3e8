using System.Globalization;
using System.Text.RegularExpressions;

namespace Reporting.IntegrationTests;

/// <summary>
/// The occurrences a runner's timer finished, read from the Debug line it logs after each one ("Timer function X finished
/// its 2026-12-01T10:00:04Z occurrence"; the host's settings must log <c>Function.X</c> at Debug). A test that must show that
/// nothing more happens waits until a later occurrence has run, instead of sleeping.
/// </summary>
internal static partial class TimerOccurrences
{
    /// <summary>The settings that make a runner log each finished occurrence of these timer functions.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Logged(params string[] functions) =>
        functions.Select(f => KeyValuePair.Create($"logging:logLevel:Function.{f}", (string?)"Debug"));

    public static IReadOnlyList<DateTimeOffset> Finished(IEnumerable<string> lines, string function) =>
        lines.Select(l => Line().Match(l)).Where(m => m.Success && m.Groups["function"].Value == function)
            .Select(m => DateTimeOffset.ParseExact(m.Groups["occurrence"].Value, "yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal))
            .ToList();

    /// <summary>Waits until the runner has finished an occurrence of <paramref name="function"/> scheduled after <paramref name="after"/> (real time: timers fire on the wall clock).</summary>
    public static Task<IReadOnlyList<DateTimeOffset>> AfterAsync(Func<IEnumerable<string>> lines, string function, DateTimeOffset after, string host, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() =>
        {
            var finished = Finished(lines(), function);
            return Task.FromResult<IReadOnlyList<DateTimeOffset>?>(finished.Any(o => o > after) ? finished : null);
        }, $"{host} to finish an occurrence of {function} after {after:HH:mm:ss.fff}", timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>Each occurrence ran once on this runner.</summary>
    public static void AssertEachOnce(IReadOnlyList<DateTimeOffset> finished, string host) =>
        Assert.True(finished.Count == finished.Distinct().Count(), $"{host} ran an occurrence twice: {string.Join(", ", finished.Select(o => o.ToString("HH:mm:ss", CultureInfo.InvariantCulture)))}");

    [GeneratedRegex(@"Timer function (?<function>\w+) finished its (?<occurrence>\S+) occurrence")]
    private static partial Regex Line();
}
