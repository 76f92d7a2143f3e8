using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reporting.Application;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary><c>reporting validate &lt;file.csv&gt; --department &lt;id&gt;</c>: checks a submission offline, exactly as the pipeline would.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV or .xlsx file to check" };
        var department = new Option<string>("--department", "-d") { Description = "The department id the file is for", Required = true };
        var strategy = StrategyOptions.StrategyFile();
        var command = new Command("validate", "Check a submission (CSV or .xlsx) without uploading it.\n\nExample:\n  reporting validate 2026-10.csv --department sales --strategy samples/strategy.yaml")
        {
            file, department, strategy,
        };
        command.SetAction(parse =>
        {
            using var services = CliServices.Create(parse);
            return Run(parse.GetValue(file)!, parse.GetValue(department)!, parse.GetValue(strategy)!, services);
        });
        return command;
    }

    private static int Run(FileInfo file, string departmentId, FileInfo strategyFile, IServiceProvider services)
    {
        if (StrategyOptions.Load(strategyFile) is not { } strategy)
        {
            return ExitCodes.InvalidInput;
        }

        if (strategy.FindDepartment(departmentId) is not { } department)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]There is no department '{departmentId}' in {strategyFile.Name}.[/] Departments: {string.Join(", ", strategy.Departments.Select(d => d.Id))}");
            return ExitCodes.Usage;
        }

        if (!file.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]File not found:[/] {file.FullName}");
            return ExitCodes.Usage;
        }

        using var stream = file.OpenRead();
        // The pipeline's rules: the configured limits (host.json "submissions"), and the month in progress by the clock, in the organisation's zone.
        var rules = services.GetRequiredService<IOptions<SubmissionRules>>().Value with { CurrentPeriod = services.GetRequiredService<TimeProvider>().CurrentPeriod(strategy) };
        var result = new SubmissionReader(rules).Read(stream, department, file.Name);
        if (result.IsAccepted)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]Valid:[/] {file.Name} for {department.Name}, period {result.Period}, {result.Figures.Count} figures.");
            PrintNotes(result);
            return ExitCodes.Success;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]Invalid:[/] {file.Name} for {department.Name}: {result.Problems.Count} problem(s).");
        PrintNotes(result);
        foreach (var problem in result.Problems)
        {
            Console.WriteLine(problem);
        }

        return ExitCodes.InvalidInput;
    }

    private static void PrintNotes(SubmissionResult result)
    {
        foreach (var note in result.Notes)
        {
            Console.WriteLine($"Note: {note}");
        }
    }
}
