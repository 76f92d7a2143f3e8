using System.Globalization;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Delivery;
using Reporting.Storage.Blobs;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary>
/// The part of <c>reporting status</c> about what the flood rules hold back, for every month: updated scorecards not mailed
/// yet (<c>Mail:UpdateInterval</c>), and stale months waiting for their next render
/// (<c>extensions:monthlyScorecards:rerenderInterval</c>). Nothing is printed when nothing is held.
/// </summary>
internal static class HeldScorecards
{
    public static async Task PrintAsync(ScorecardIndexStore index, MailOptions mail, MonthlyScorecardOptions monthly, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var entry in (await index.ReadAsync(cancellationToken)).Periods)
        {
            var month = Period.Parse(entry.Period).DisplayName;
            if (entry is { HeldUpdates: > 0, MailedUtc: { } mailed })
            {
                var updates = entry.HeldUpdates == 1 ? "1 update" : string.Create(CultureInfo.InvariantCulture, $"{entry.HeldUpdates} updates");
                lines.Add($"{month}: {updates} since the last mail at {Time(mailed)}; next mail after {Time(mailed + mail.UpdateInterval)}");
            }

            if (entry.Stale && monthly.RerenderStale)
            {
                lines.Add($"{month}: stale (figures arrived after its latest render); rendered again after {Time(monthly.NextRerender(entry))}");
            }
        }

        if (lines.Count == 0)
        {
            return;
        }

        AnsiConsole.MarkupLine("[bold]Scorecards held back[/] (times in UTC):");
        foreach (var line in lines)
        {
            AnsiConsole.WriteLine("  " + line);
        }
    }

    private static string Time(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
