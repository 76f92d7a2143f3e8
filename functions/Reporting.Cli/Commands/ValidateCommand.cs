using System.CommandLine;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary><c>reporting validate &lt;file.csv&gt; --department &lt;id&gt;</c>: checks a submission offline, exactly as the pipeline would.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The CSV file to check" };
        var department = new Option<string>("--department", "-d") { Description = "The department id the file is for", Required = true };
        var strategy = StrategyOptions.StrategyFile();
        var command = new Command("validate", "Check a submission CSV without uploading it.\n\nExample:\n  reporting validate 2026-10.csv --department sales --strategy samples/strategy.yaml")
        {
            file, department, strategy,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(department)!, parse.GetValue(strategy)!));
        return command;
    }

    private static int Run(FileInfo file, string departmentId, FileInfo strategyFile)
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
        var rules = new SubmissionRules { CurrentPeriod = Period.FromDate(DateOnly.FromDateTime(DateTime.UtcNow)) };
        var result = new SubmissionCsvReader(rules).Read(stream, department);
        if (result.IsAccepted)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]Valid:[/] {file.Name} for {department.Name}, period {result.Period}, {result.Figures.Count} figures.");
            return ExitCodes.Success;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]Invalid:[/] {file.Name} for {department.Name}: {result.Problems.Count} problem(s).");
        foreach (var problem in result.Problems)
        {
            Console.WriteLine(problem);
        }

        return ExitCodes.InvalidInput;
    }
}
