using Reporting.Core.Submissions;
using System.CommandLine;
using Reporting.Cli.Uploads;
using Reporting.Storage.Blobs;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary><c>reporting submit &lt;csv or folder&gt;</c>: uploads as a department would and shows the pipeline's answers.</summary>
public static class SubmitCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A CSV file, a folder of CSV files, or a folder of <department-id> folders" };
        var department = CliOptions.Department(required: false);
        var wait = new Option<int>("--wait") { Description = "Seconds to wait for the pipeline's answers; 0 to only upload", DefaultValueFactory = _ => 60 };
        var receivedAt = new Option<DateTimeOffset?>("--received-at")
        {
            Description = "Declare when the files were received (ISO 8601, UTC without an offset), for sample or back-filled data; " +
                "only a host started with Reporting:TrustDeclaredReceivedTime=true takes it, and only when it is earlier than the upload",
            CustomParser = result => ParseInstant(result),
        };
        var command = new Command("submit",
            "Upload submissions into the departments' containers (the same path departments use) and wait for the answers.\n" +
            "The host must be running to answer (dotnet run --project functions/Reporting.Functions).\n\n" +
            "Examples:\n  reporting submit 2026-10.csv --department sales\n  reporting submit samples/submissions")
        {
            path, department, wait, receivedAt,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (session, exitCode) = await CliSession.OpenAsync(parse, cancellationToken);
            if (session is null)
            {
                return exitCode;
            }

            await using var _ = session;
            var files = LocalSubmission.Find(parse.GetValue(path)!, parse.GetValue(department), session.Strategy, out var problem);
            if (problem is not null)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{problem}[/]");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(receivedAt) is { } declared)
            {
                files = files.Select(f => f with { DeclaredReceivedUtc = declared }).ToList();
            }

            var seconds = parse.GetValue(wait);
            var outcomes = await new UploadSession(session.Get<SubmissionBlobs>())
                .RunAsync(files, seconds > 0 ? TimeSpan.FromSeconds(seconds) : null, cancellationToken);
            Print(outcomes);
            if (outcomes.Any(o => o.IsPending))
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]Some uploads had no answer after {seconds} s.[/] Is the host running? Their answers will appear in the department's answer container (answers-<department>) under the same names.");
            }

            return outcomes.Any(o => o.IsRefused) ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }

    private static DateTimeOffset? ParseInstant(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return instant;
        }

        result.AddError($"--received-at is '{text}', which is not an instant; write it as ISO 8601, for example 2026-11-03T10:00:00Z");
        return null;
    }

    private static void Print(IReadOnlyList<UploadOutcome> outcomes)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Department", "File", "Result", "Detail");
        foreach (var outcome in outcomes)
        {
            var color = outcome.Status switch { SubmissionStatus.Accepted => "green", SubmissionStatus.Rejected or SubmissionStatus.Poisoned => "red", _ => "yellow" };
            table.AddRow(Markup.Escape(outcome.Submission.Department), Markup.Escape(outcome.Submission.File.Name),
                $"[{color}]{outcome.Word}[/]", Markup.Escape(outcome.Detail));
        }

        AnsiConsole.Write(table);
    }
}
