using Reporting.Core.Scorecards;

namespace Reporting.Core.Wording;

/// <summary>A milestone's dates in words: "due in 2 months", "due this month", "overdue by 1 month", "done in 2026-03".</summary>
public static class MilestoneWords
{
    public static string When(MilestoneTiming timing) => timing switch
    {
        { DoneIn: { } done, DoneBeforeHistory: true } => $"done by {done}",
        { DoneIn: { } done } => $"done in {done}",
        { MonthsUntilDue: 0 } => "due this month",
        { MonthsUntilDue: > 0 and var months } => $"due in {Months(months)}",
        _ => $"overdue by {Months(-timing.MonthsUntilDue)}",
    };

    private static string Months(int count) => count == 1 ? "1 month" : $"{count} months";
}
