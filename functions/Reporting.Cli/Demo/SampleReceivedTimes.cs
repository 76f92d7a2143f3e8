using System.Globalization;
using Reporting.Cli.Uploads;
using Reporting.Core.Periods;

namespace Reporting.Cli.Demo;

/// <summary>
/// When each sample file was received, so the demo shows a normal month rather than a year uploaded just now: a file
/// named for its period (<c>2026-10.csv</c>) was received two days before that month's deadline at 10:00 UTC, unless
/// <c>submissions/received-times.txt</c> gives it its own time (a department that really was late). The demo declares
/// these times on its uploads; its host trusts them (<c>Reporting:TrustDeclaredReceivedTime</c>), no other host does.
/// </summary>
internal static class SampleReceivedTimes
{
    public const string FileName = "received-times.txt";

    private static readonly TimeSpan DefaultTimeOfDay = TimeSpan.FromHours(10);

    /// <summary>The submissions with their received times, or a problem naming the manifest's line.</summary>
    public static IReadOnlyList<LocalSubmission> Declare(IReadOnlyList<LocalSubmission> submissions, string submissionsFolder, int deadlineDay, out string? problem)
    {
        problem = null;
        var manifest = Path.Combine(submissionsFolder, FileName);
        var listed = File.Exists(manifest) ? Read(manifest, out problem) : [];
        problem ??= listed.Keys.FirstOrDefault(key => !submissions.Any(s => Key(s) == key)) is { } unknown
            ? $"{FileName}: {unknown} is not one of the sample files"
            : null;
        return problem is not null
            ? []
            : submissions.Select(s => s with { DeclaredReceivedUtc = listed.TryGetValue(Key(s), out var at) ? at : OnTime(s, deadlineDay) }).ToList();
    }

    private static string Key(LocalSubmission submission) => $"{submission.Department}/{submission.File.Name}";

    // Two days before the deadline of the file's month (never before the 1st); no declaration for a file not named for a period.
    private static DateTimeOffset? OnTime(LocalSubmission submission, int deadlineDay)
    {
        if (!Period.TryParse(Path.GetFileNameWithoutExtension(submission.File.Name), out var period))
        {
            return null;
        }

        var next = period.Next();
        return new DateTimeOffset(next.Year, next.Month, Math.Max(1, deadlineDay - 2), 0, 0, 0, TimeSpan.Zero) + DefaultTimeOfDay;
    }

    // Lines "<department>/<file> <ISO 8601 instant>"; '#' starts a comment.
    private static Dictionary<string, DateTimeOffset> Read(string manifest, out string? problem)
    {
        problem = null;
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(manifest);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !parts[0].Contains('/', StringComparison.Ordinal)
                || !DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"{FileName}, line {i + 1}: expected '<department>/<file> <instant>', for example 'pr/2026-10.csv 2026-11-07T16:40:00Z', not '{line}'");
                return times;
            }

            times[parts[0]] = at;
        }

        return times;
    }
}
