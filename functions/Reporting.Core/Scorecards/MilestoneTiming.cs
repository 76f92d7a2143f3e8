using Reporting.Core.Periods;

namespace Reporting.Core.Scorecards;

/// <summary>
/// A milestone's dates, so the roadmap can say "due in 2 months", "overdue by 1 month" or "done in 2026-03" instead of a
/// bare "not done". <see cref="MonthsUntilDue"/> is negative once overdue. <see cref="DoneIn"/> is the first month of the
/// run of "done" figures that reaches the scored month; <see cref="DoneBeforeHistory"/> when that run starts before the
/// twelve months the scorecard holds (the month shown is then "done by").
/// </summary>
public sealed record MilestoneTiming(Period Due, int MonthsUntilDue, Period? DoneIn, bool DoneBeforeHistory)
{
    public bool IsDone => DoneIn is not null;
}
