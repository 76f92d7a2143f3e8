using System.Globalization;
using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Wording;

namespace Reporting.Delivery.Messages;

/// <summary>Phrases both scorecard messages use, invariant culture: counts by status, dates, a deadline with its zone.</summary>
internal static class MailWords
{
    private static readonly KpiStatus[] Order = [KpiStatus.Green, KpiStatus.Amber, KpiStatus.Red, KpiStatus.Missing];

    /// <summary>"2 on track, 1 at risk, 1 off track": the statuses present, in the pack's order.</summary>
    public static string Counts(StatusCounts counts) => string.Join(", ", Order
        .Select(s => (Status: s, Count: Count(counts, s)))
        .Where(c => c.Count > 0)
        .Select(c => Invariant($"{c.Count} {StatusWords.Word(c.Status).ToLowerInvariant()}")));

    public static int Count(StatusCounts counts, KpiStatus status) => status switch
    {
        KpiStatus.Green => counts.Green,
        KpiStatus.Amber => counts.Amber,
        KpiStatus.Red => counts.Red,
        _ => counts.Missing,
    };

    public static string Percent(double share) => Invariant($"{share * 100:0}%");

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The deadline is the end of that day in the organisation's zone, which a reader elsewhere needs to know.
    public static string Deadline(DateOnly day, string zone) => $"{Date(day)} (end of the day, {zone} time)";

    /// <summary>"October", or "November 2025" when the year is not <paramref name="current"/>'s.</summary>
    public static string Month(Period period, Period current) =>
        new DateOnly(period.Year, period.Month, 1).ToString(period.Year == current.Year ? "MMMM" : "MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
