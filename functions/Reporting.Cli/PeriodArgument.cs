using Reporting.Core.Periods;
using Spectre.Console;

namespace Reporting.Cli;

// Reads a --period value; without one, the month before this one.
internal static class PeriodArgument
{
    public static Period LastMonth => Period.FromDate(DateOnly.FromDateTime(DateTime.UtcNow)).Previous();

    public static bool TryRead(string? text, out Period period)
    {
        if (text is null)
        {
            period = LastMonth;
            return true;
        }

        if (Period.TryParse(text, out period))
        {
            return true;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]'{text}' is not a period;[/] write the month as YYYY-MM, for example 2026-10.");
        return false;
    }
}
