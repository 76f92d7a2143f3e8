using System.Globalization;
using Reporting.Core.Strategy;
using Reporting.Core.Periods;
using Spectre.Console;

namespace Reporting.Cli;

// Reads a --period value; without one, the month before this one by the CLI's clock, in the organisation's zone.
internal static class PeriodArgument
{
    /// <summary>Last month on the organisation's calendar: at 02:00 UTC on 1 December it is still November in New York, so October.</summary>
    public static Period LastMonth(TimeProvider clock, EngagementStrategy strategy) => Period.FromDate(strategy.LocalDate(clock.GetUtcNow())).Previous();

    /// <summary>False (after saying why) when <paramref name="text"/> is not a period; null when none was given.</summary>
    public static bool TryRead(string? text, out Period? period)
    {
        period = null;
        if (text is null)
        {
            return true;
        }

        if (Period.TryParse(text, out var parsed))
        {
            period = parsed;
            return true;
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]'{text}' is not a period;[/] write the month as YYYY-MM, for example 2026-10.");
        return false;
    }
}
