using System.Globalization;
using Reporting.Application;
using Reporting.Core.Periods;
using Spectre.Console;

namespace Reporting.Cli;

// Reads a --period value; without one, the month before this one by the CLI's clock.
internal static class PeriodArgument
{
    public static Period LastMonth(TimeProvider clock) => clock.CurrentPeriod().Previous();

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
