using System.Globalization;
using Reporting.Storage.Deliveries;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary>
/// The part of <c>reporting status</c> about mail: the month's messages not (yet) delivered, with the last reason.
/// "unknown" means a host stopped between claiming and recording a message: it was not sent again, check the relay.
/// </summary>
internal static class UndeliveredMail
{
    public static async Task PrintAsync(DeliveryLogTable log, string period, CancellationToken cancellationToken)
    {
        var records = await log.ListAsync(period, cancellationToken);
        var undelivered = records.Where(r => r.Status != DeliveryStatus.Sent).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[bold]Mail for {period}:[/] {records.Count - undelivered.Count} of {records.Count} messages delivered{(undelivered.Count == 0 ? "" : $", {undelivered.Count} undelivered")}");
        if (undelivered.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("To", "Message", "State", "Attempts", "Next attempt (UTC)", "Last error");
        foreach (var record in undelivered)
        {
            table.AddRow(
                Markup.Escape(record.Recipient),
                Markup.Escape(record.Subject),
                record.Status switch
                {
                    DeliveryStatus.Failed => "[yellow]retrying[/]",
                    DeliveryStatus.GaveUp => "[red]gave up[/]",
                    DeliveryStatus.Unknown => "[red]unknown[/]",
                    _ => "sending",
                },
                record.Attempts.ToString(CultureInfo.InvariantCulture),
                record.NextAttemptUtc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(record.LastError ?? (record.Status == DeliveryStatus.Unknown ? "its host stopped before recording the outcome; not resent" : "")));
        }

        AnsiConsole.Write(table);
    }
}
