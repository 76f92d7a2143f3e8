using System.CommandLine;
using System.Globalization;
using Reporting.Application.Mail;
using Reporting.Delivery;
using Reporting.Storage.Deliveries;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary>
/// <c>reporting remind [--dry-run]</c>: the deadline mail due today (what the host's daily schedule sends), shown and,
/// without --dry-run, sent. Each message goes once per department and month, however often this runs.
/// </summary>
public static class RemindCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show who would get which reminder or notice today; send nothing" };
        var command = new Command("remind", "Send today's deadline mail: reminders to departments without accepted figures in the days before the deadline, " +
                                            "'missing' notices to their owners and the admins after it. Each once per department and month.\n\n" +
                                            "Example:\n  reporting remind --dry-run") { dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (session, exitCode) = await CliSession.OpenAsync(parse, cancellationToken);
            if (session is null)
            {
                return exitCode;
            }

            await using var _ = session;
            var reminders = session.Get<DeadlineReminders>();
            var plan = await reminders.PlanAsync(cancellationToken);
            if (plan.Count == 0)
            {
                AnsiConsole.MarkupLine("Nothing is due today: no deadline is near, or every department has submitted.");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumns("Month", "Kind", "To", "About", "State");
            foreach (var planned in plan)
            {
                table.AddRow(
                    planned.Period.ToString(),
                    planned.Key.Kind == DeliveryKind.Reminder ? string.Create(CultureInfo.InvariantCulture, $"reminder (due {planned.Deadline:yyyy-MM-dd})") : "missing notice",
                    Markup.Escape(planned.Key.Recipient),
                    Markup.Escape(string.Join(", ", planned.Departments.Select(d => d.Name))),
                    planned.AlreadyLogged ? "[grey]sent before[/]" : parse.GetValue(dryRun) ? "[yellow]would send[/]" : "sending");
            }

            AnsiConsole.Write(table);
            if (parse.GetValue(dryRun))
            {
                return ExitCodes.Success;
            }

            if (!session.Get<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value.Enabled)
            {
                AnsiConsole.MarkupLine("[red]Mail is off: set Mail__Host (and Mail__Sender, Mail__Port) to send.[/]");
                return ExitCodes.InvalidInput;
            }

            var sent = await reminders.SendAsync(cancellationToken);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{sent} messages handed to the relay or recorded for a retry; see reporting status for any not delivered.");
            return ExitCodes.Success;
        });
        return command;
    }
}
