using System.CommandLine;

namespace Reporting.Cli.Commands;

/// <summary><c>reporting init</c>: creates the containers and tables and uploads the strategy.</summary>
public static class InitCommand
{
    public static Command Create()
    {
        var strategy = StrategyOptions.StrategyFile();
        var command = new Command("init", "Create the containers and tables (one submission container per department) and upload the strategy.\n\n" +
                                          "Example:\n  reporting init --strategy samples/strategy.yaml") { strategy };
        command.SetAction((parse, cancellationToken) => StrategyOptions.PutInForceAsync(parse, parse.GetValue(strategy)!, (loaded, account) =>
            $"[green]Ready:[/] {account.BlobEndpoint} has the tables, the scorecard and config containers, {loaded.Departments.Count} department containers, and strategy {loaded.Version} of {loaded.Organisation}.",
            cancellationToken));
        return command;
    }
}
