using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary><c>reporting init</c>: creates the containers and tables and uploads the strategy.</summary>
public static class InitCommand
{
    public static Command Create()
    {
        var strategy = StrategyOptions.StrategyFile();
        var command = new Command("init", "Create the containers and tables (one submission container per department) and upload the strategy.\n\n" +
                                          "Example:\n  reporting init --strategy samples/strategy.yaml") { strategy };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = parse.GetValue(strategy)!;
            if (StrategyOptions.Load(file) is not { } loaded)
            {
                return file.Exists ? ExitCodes.InvalidInput : ExitCodes.Usage;
            }

            await using var services = await CliServices.ConnectAsync(parse, cancellationToken);
            if (services is null)
            {
                return ExitCodes.StorageUnreachable;
            }

            var account = services.GetRequiredService<ReportingStorageAccount>();
            await account.EnsureCreatedAsync(loaded.Departments.Select(d => d.Id), cancellationToken);
            await services.GetRequiredService<StrategyBlob>().WriteAsync(await File.ReadAllTextAsync(file.FullName, cancellationToken), cancellationToken);
            AnsiConsole.MarkupLineInterpolated(
                $"[green]Ready:[/] {account.BlobEndpoint} has the tables, the scorecard and config containers, {loaded.Departments.Count} department containers, and strategy {loaded.Version} of {loaded.Organisation}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
