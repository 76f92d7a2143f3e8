using System.CommandLine;
using System.Globalization;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary><c>reporting strategy validate|push|show</c>.</summary>
public static class StrategyCommand
{
    public static Command Create() => new("strategy", "Work with the strategy: departments, KPIs and targets (docs/strategy-format.md).")
    {
        Validate(), Push(), Show(),
    };

    private static Command Validate()
    {
        var file = new Argument<FileInfo>("file") { Description = "The strategy.yaml to check" };
        var command = new Command("validate", "Check a strategy file and list every problem.\n\nExample:\n  reporting strategy validate samples/strategy.yaml") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (StrategyOptions.Load(path) is not { } strategy)
            {
                return path.Exists ? ExitCodes.InvalidInput : ExitCodes.Usage;
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[green]Valid:[/] {strategy.Organisation}, version {strategy.Version}: {strategy.Departments.Count} departments, {strategy.Departments.Sum(d => d.ScoredKpis.Count())} scored KPIs ({strategy.Departments.Sum(d => d.Kpis.Count(k => k.IsDerived))} derived), {strategy.Departments.Sum(d => d.Kpis.Count(k => k.IsInput))} inputs.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Push()
    {
        var file = new Argument<FileInfo>("file") { Description = "The strategy.yaml to put in force" };
        var command = new Command("push", "Check a strategy file and, if it is valid, put it in force (it is used from the next ingestion and render on).\n\n" +
                                          "Example:\n  reporting strategy push strategy.yaml") { file };
        command.SetAction((parse, cancellationToken) => StrategyOptions.PutInForceAsync(parse, parse.GetValue(file)!, (strategy, _) =>
            $"[green]In force:[/] strategy {strategy.Version} of {strategy.Organisation}, {strategy.Departments.Count} departments.",
            cancellationToken));
        return command;
    }

    private static Command Show()
    {
        var period = CliOptions.Period("Show the targets in force in this month (default: last month)");
        var command = new Command("show", "Show the strategy in force: each department's KPIs, units and targets.\n\nExample:\n  reporting strategy show --period 2026-10") { period };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (session, month, exitCode) = await CliSession.OpenForPeriodAsync(parse, period, cancellationToken);
            if (session is null)
            {
                return exitCode;
            }

            await using var _ = session;
            Print(session.Strategy, month);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(EngagementStrategy strategy, Period period)
    {
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{strategy.Organisation}[/], strategy {strategy.Version}; targets in force in {period}; figures due by the end of day {strategy.SubmissionDeadlineDay} of the next month, {strategy.TimeZone.Id} time.");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Department", "KPI", "Unit", "Direction", "Target", "Kind");
        var figures = new Core.Scoring.FigureBook([]);
        var targets = new Core.Scoring.TargetResolver(figures);
        foreach (var department in strategy.Departments)
        {
            foreach (var kpi in department.Kpis)
            {
                var kind = kpi.IsInput ? "input" : kpi.IsDerived ? "derived" : kpi.IsMilestone ? "milestone" : "submitted";
                var target = kpi.IsInput ? "" : targets.Resolve(department, kpi, period)?.Description ?? "(none in force)";
                table.AddRow(Markup.Escape(department.Id), Markup.Escape(kpi.Id), Markup.Escape(kpi.Unit.ToString()),
                    kpi.IsInput ? "" : DirectionWord(kpi.Direction), Markup.Escape(target), kind);
            }
        }

        AnsiConsole.Write(table);
    }

    private static string DirectionWord(Direction direction) => direction switch
    {
        Direction.LowerIsBetter => "lower is better",
        Direction.WithinRange => "within range",
        _ => "higher is better",
    };
}
