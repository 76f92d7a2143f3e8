using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Delivery;
using Reporting.Storage.Blobs;
using Reporting.Storage.Deliveries;
using Reporting.Storage.Tables;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary><c>reporting status [--period]</c>: which departments have submitted for a month, late, rejected or not at all, the month's undelivered mail, and what the flood rules hold back.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var period = CliOptions.Period("The month (default: last month)");
        var command = new Command("status", "Show each department's submission for a month: accepted, late, rejected (with the number of problems), poisoned or missing; then the month's mail not delivered (retrying, gave up, unknown) with the reason; then, for every month, updated scorecards not mailed yet (at most one update a day) and stale months waiting for their next render.\n\n" +
                                            "Example:\n  reporting status --period 2026-10") { period };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (session, month, exitCode) = await CliSession.OpenForPeriodAsync(parse, period, cancellationToken);
            if (session is null)
            {
                return exitCode;
            }

            await using var _ = session;
            var strategy = session.Strategy;
            var deadline = strategy.DeadlineFor(month);
            var zone = strategy.TimeZone.Id;
            var history = session.Get<SubmissionHistoryTable>();
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Department", "State", $"Received ({zone})", "Detail");
            foreach (var department in strategy.Departments)
            {
                var records = (await history.ListAsync(department.Id, cancellationToken)).Where(r => PeriodOf(r, strategy) == month).ToList();
                var (state, when, detail) = Describe(records, strategy, month);
                table.AddRow(Markup.Escape(department.Name), state, when, Markup.Escape(detail));
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]Submissions for {month.DisplayName}[/] (due by {deadline:yyyy-MM-dd}, {zone})");
            AnsiConsole.Write(table);
            await UndeliveredMail.PrintAsync(session.Get<DeliveryLogTable>(), month.ToString(), cancellationToken);
            await HeldScorecards.PrintAsync(session.Get<ScorecardIndexStore>(), session.Get<IOptions<MailOptions>>().Value, session.Get<IOptions<MonthlyScorecardOptions>>().Value, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    // Received times are the storage service's; they are shown, and judged late, in the organisation's zone.
    private static (string State, string When, string Detail) Describe(IReadOnlyList<SubmissionRecord> records, EngagementStrategy strategy, Period month)
    {
        var accepted = records.LastOrDefault(r => r.Status == SubmissionStatus.Accepted);
        var latest = records.LastOrDefault(r => r.Status != SubmissionStatus.Unchanged); // a property edit is not a new upload
        if (latest is null)
        {
            return ("[grey]missing[/]", "", "nothing received");
        }

        var later = latest != accepted && accepted is not null ? $"; a later upload was {latest.Status.Word()}" + (latest.ProblemCount > 0 ? string.Create(CultureInfo.InvariantCulture, $" with {latest.ProblemCount} problems") : "") : "";
        if (accepted is not null)
        {
            var late = strategy.IsLate(month, accepted.ReceivedUtc);
            return (late ? "[yellow]late[/]" : "[green]accepted[/]", Received(accepted, strategy), string.Create(CultureInfo.InvariantCulture, $"{accepted.FigureCount} figures from {accepted.BlobName}{later}"));
        }

        return latest.Status == SubmissionStatus.Poisoned
            ? ("[red]poisoned[/]", Received(latest, strategy), latest.Problems)
            : ("[red]rejected[/]", Received(latest, strategy), string.Create(CultureInfo.InvariantCulture, $"{latest.ProblemCount} problems in {latest.BlobName}"));
    }

    private static string Received(SubmissionRecord record, EngagementStrategy strategy) =>
        TimeZoneInfo.ConvertTime(record.ReceivedUtc, strategy.TimeZone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    // Rejected files may not have a readable period: their name (2026-10.csv) usually says it; failing that, a file
    // received in November (in the organisation's zone) is taken as October's, the month then due. Never shown as "nothing received".
    private static Period PeriodOf(SubmissionRecord record, EngagementStrategy strategy) =>
        Period.TryParse(record.Period, out var period)
        || Period.TryParse(System.Text.RegularExpressions.Regex.Match(Path.GetFileName(record.BlobName), @"(?<![0-9])20[0-9]{2}-(0[1-9]|1[0-2])(?![0-9])").Value, out period)
            ? period
            : Period.FromDate(strategy.LocalDate(record.ReceivedUtc)).Previous();
}
