using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using Reporting.Application.Pages;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Core.Strategy;
using Spectre.Console;

namespace Reporting.Cli.Commands;

// The --strategy option shared by verbs that need the strategy file, and loading it with its problems printed.
internal static class StrategyOptions
{
    public static Option<FileInfo> StrategyFile() => new("--strategy", "-s")
    {
        Description = "The strategy file (default: samples/strategy.yaml in the repository)",
        DefaultValueFactory = _ => new FileInfo(Path.Combine(RepositoryPaths.Root, "samples", "strategy.yaml")),
    };

    /// <summary>
    /// Checks the file and, if valid, creates what its departments need in storage and puts it in force; then prints
    /// <paramref name="describe"/>. Used by <c>init</c> and <c>strategy push</c>.
    /// </summary>
    public static async Task<int> PutInForceAsync(ParseResult parse, FileInfo file, Func<EngagementStrategy, ReportingStorageAccount, FormattableString> describe, CancellationToken cancellationToken)
    {
        if (Load(file) is not { } strategy)
        {
            return file.Exists ? ExitCodes.InvalidInput : ExitCodes.Usage;
        }

        await using var services = await CliServices.ConnectAsync(parse, cancellationToken);
        if (services is null)
        {
            return ExitCodes.StorageUnreachable;
        }

        var account = services.GetRequiredService<ReportingStorageAccount>();
        await account.EnsureCreatedAsync(strategy.Departments.Select(d => d.Id), cancellationToken);
        await services.GetRequiredService<StrategyBlob>().WriteAsync(await File.ReadAllTextAsync(file.FullName, cancellationToken), cancellationToken);
        AnsiConsole.MarkupLineInterpolated(describe(strategy, account));
        // The departments' upload pages show targets and KPIs from the strategy: refreshed now rather than at the host's next check.
        var pages = await services.GetRequiredService<DepartmentPagePublisher>().PublishAllAsync(force: false, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Upload pages refreshed for {pages} department(s).");
        return ExitCodes.Success;
    }

    public static EngagementStrategy? Load(FileInfo file)
    {
        if (!file.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Strategy file not found:[/] {file.FullName}");
            return null;
        }

        var result = StrategyYaml.Load(file.FullName);
        foreach (var warning in result.WarningsOrEmpty)
        {
            // Warnings do not make the file invalid: entries whose meaning could surprise (a target that ends before the next starts).
            AnsiConsole.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        if (result.IsValid)
        {
            return result.Strategy;
        }

        AnsiConsole.MarkupLineInterpolated($"[red]{file.Name} has {result.Problems.Count} problem(s):[/]");
        foreach (var problem in result.Problems)
        {
            Console.WriteLine($"  {problem}");
        }

        return null;
    }
}
