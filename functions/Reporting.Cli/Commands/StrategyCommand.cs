using System.CommandLine;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary><c>reporting strategy validate &lt;file&gt;</c>: reports every problem in a strategy file.</summary>
public static class StrategyCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The strategy.yaml to check" };
        var validate = new Command("validate", "Check a strategy file and list every problem.\n\nExample:\n  reporting strategy validate samples/strategy.yaml") { file };
        validate.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (StrategyOptions.Load(path) is not { } strategy)
            {
                return path.Exists ? ExitCodes.InvalidInput : ExitCodes.Usage;
            }

            AnsiConsole.MarkupLineInterpolated(
                $"[green]Valid:[/] {strategy.Organisation}, version {strategy.Version}: {strategy.Departments.Count} departments, {strategy.Departments.Sum(d => d.ScoredKpis.Count())} scored KPIs ({strategy.Departments.Sum(d => d.Kpis.Count(k => k.IsDerived))} derived), {strategy.Departments.Sum(d => d.Kpis.Count(k => k.IsInput))} inputs.");
            return ExitCodes.Success;
        });
        return new Command("strategy", "Work with the strategy file (departments, KPIs, targets).") { validate };
    }
}
