using System.Globalization;
using Reporting.Core.Scorecards;

namespace Reporting.Delivery.Messages;

/// <summary>
/// The few facts an executive reads before opening the PDF, as plain lines (each a label and a value) so the text and
/// HTML bodies say the same: counts by status, share on track, missing and late departments, the biggest moves.
/// </summary>
public static class ScorecardSummary
{
    public static IReadOnlyList<(string Label, string Value)> Lines(Scorecard scorecard, DepartmentScorecard? department)
    {
        var counts = department is null ? scorecard.Counts : StatusCounts.Of(department.Kpis.Select(k => k.Status));
        var lines = new List<(string, string)>
        {
            ("Period", $"{scorecard.Period.DisplayName} (data as of {Date(scorecard.DataAsOf)})"),
            ("KPIs", Invariant($"{counts.Green} on track, {counts.Amber} at risk, {counts.Red} off track, {counts.Missing} missing")),
            ("On track", Invariant($"{counts.ShareOnTrack * 100:0}% of {counts.Total} KPIs")),
        };
        if (department is not null)
        {
            lines.Add(("Submission", Submission(scorecard, department)));
            return lines;
        }

        lines.Add(("Missing", Names(scorecard.MissingSubmissions)));
        lines.Add(("Late", Names(scorecard.LateSubmissions)));
        lines.Add(("Most improved", Moves(scorecard.Improvements)));
        lines.Add(("Biggest declines", Moves(scorecard.Declines)));
        return lines;
    }

    private static string Submission(Scorecard scorecard, DepartmentScorecard department)
    {
        if (!department.Submitted)
        {
            return $"missing (due {Date(scorecard.SubmissionDeadline)}, {scorecard.TimeZone})";
        }

        var received = department.ReceivedOn is { } day ? $"received {Date(day)}" : "received";
        return department.IsLate ? $"{received}, after the deadline" : received;
    }

    private static string Names(IEnumerable<DepartmentScorecard> departments) =>
        departments.Select(d => d.Name).DefaultIfEmpty("none").Aggregate((a, b) => $"{a}, {b}");

    private static string Moves(IReadOnlyList<KpiMovement> moves) => moves.Count == 0
        ? "none"
        : string.Join("; ", moves.Select(m => Invariant($"{m.DepartmentName}: {m.Kpi.Name}, {Math.Abs(m.ImprovementPercent):0.0}% {(m.ImprovementPercent > 0 ? "better" : "worse")} than last month")));

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
