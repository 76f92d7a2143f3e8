using System.CommandLine;
using Reporting.Application;
using Reporting.Core.Submissions;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary>
/// <c>reporting template --department &lt;id&gt; [--period] [--format csv|xlsx] [--out FILE]</c>: the month's template for a
/// department, with each KPI's unit, target and last month's value as guidance and the value column empty.
/// </summary>
public static class TemplateCommand
{
    public static Command Create()
    {
        var department = CliOptions.Department();
        var period = CliOptions.Period("The month the template is for (default: last month, the month now due)");
        var format = new Option<string>("--format", "-f") { Description = "csv or xlsx (default: xlsx)", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Where to write it (default: <YYYY-MM>.<format> in the current folder)" };
        var command = new Command("template", "Write a department's template for a month: its KPIs (inputs included, derived ones left out) with name, " +
                                              "unit, target and last month's value as guidance, and an empty value column. Filled in, it is uploaded as it is.\n\n" +
                                              "Examples:\n  reporting template --department sales\n  reporting template --department sales --period 2026-10 --format csv --out sales-2026-10.csv")
        {
            department, period, format, output,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (session, month, exitCode) = await CliSession.OpenForPeriodAsync(parse, period, cancellationToken);
            if (session is null)
            {
                return exitCode;
            }

            await using var _ = session;
            var id = parse.GetValue(department)!;
            if (session.Strategy.FindDepartment(id) is not { } found)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]There is no department '{id}' in the strategy in force.[/] Departments: {string.Join(", ", session.Strategy.Departments.Select(d => d.Id))}");
                return ExitCodes.Usage;
            }

            var template = await session.Get<MonthTemplates>().ForAsync(session.Strategy, found, month, cancellationToken);
            var extension = parse.GetValue(format)!;
            var bytes = extension == "csv" ? SubmissionTemplateFiles.Csv(template) : SubmissionTemplateFiles.Xlsx(template);
            var file = parse.GetValue(output) ?? new FileInfo(SubmissionTemplateFiles.FileName(template, extension));
            if (file.Directory is { Exists: false })
            {
                AnsiConsole.MarkupLineInterpolated($"[red]The folder {file.Directory.FullName} does not exist.[/]");
                return ExitCodes.Usage;
            }

            await File.WriteAllBytesAsync(file.FullName, bytes, cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"Template for {found.Name}, {month}: {template.Rows.Count} KPIs, written to {file.FullName}");
            Console.WriteLine($"Fill in the value column (and comments if you like), then upload the file as it is, for example as {month}.{extension}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
