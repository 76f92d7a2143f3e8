using System.CommandLine;
using System.Globalization;
using Reporting.Application.Pages;
using Reporting.Storage.Blobs;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary><c>reporting grant --department &lt;id&gt; --days N</c>: a department's upload page link, then the raw links for tools.</summary>
public static class GrantCommand
{
    public static Command Create()
    {
        var department = CliOptions.Department();
        var days = new Option<int?>("--days") { Description = "How many days the link works: 1-365 (default 35) with an account key, 1-7 (default 7) when the host signs in with an identity" };
        var command = new Command("grant", "Create a department's links: its upload page (opens in a browser: the month due, its KPIs, templates, " +
                                           "drop a file and see the answer), then the raw links for tools: a SAS URL for its own submission container only " +
                                           "(upload, read back, list; no delete, nothing of other departments) and a read-only one for the answers to its uploads.\n\n" +
                                           "Example:\n  reporting grant --department sales --days 35") { department, days };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(department)!;
            var (session, exitCode) = await CliSession.OpenAsync(parse, cancellationToken);
            if (session is null)
            {
                return exitCode;
            }

            await using var _ = session;
            if (session.Strategy.FindDepartment(id) is not { } found)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]There is no department '{id}' in the strategy in force.[/]");
                return ExitCodes.Usage;
            }

            var access = session.Get<DepartmentAccess>();
            var maxDays = (int)access.MaxValidity.TotalDays;
            var validDays = parse.GetValue(days) ?? Math.Min(35, maxDays);
            if (validDays < 1 || validDays > maxDays)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]--days {validDays} is out of range;[/] links signed with {DepartmentAccess.Describe(access.Signing)} last 1 to {maxDays} days.");
                return ExitCodes.Usage;
            }

            var grant = await session.Get<DepartmentPagePublisher>().GrantAsync(found.Id, TimeSpan.FromDays(validDays), cancellationToken);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Upload page for [bold]{found.Name}[/], valid until {grant.ExpiresUtc:yyyy-MM-dd HH:mm} UTC. Share it only with the department; it opens in any browser:");
            Console.WriteLine(grant.PageUrl.AbsoluteUri);
            Console.WriteLine();
            AnsiConsole.MarkupLine("For tools, the raw upload link (the same access as the page):");
            Console.WriteLine(grant.ContainerSasUrl);
            AnsiConsole.MarkupLine("Upload a month's file with any HTTP tool, for example:");
            Console.WriteLine($"  curl -X PUT -H \"x-ms-blob-type: BlockBlob\" --data-binary @2026-10.csv \"{grant.UploadUrl("2026-10.csv")}\"");
            AnsiConsole.MarkupLine("Within seconds the answer can be read (not written) through the department's answer link, as 2026-10.csv.txt (and .json, .problems.csv):");
            Console.WriteLine($"  curl \"{grant.AnswerUrl("2026-10.csv.txt")}\"");
            AnsiConsole.MarkupLine("All its answers, as an XML listing:");
            Console.WriteLine($"  {grant.AnswersSasUrl}&restype=container&comp=list");
            AnsiConsole.MarkupLineInterpolated($"Signed with {DepartmentAccess.Describe(grant.Signing)}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
