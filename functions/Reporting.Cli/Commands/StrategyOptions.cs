using System.CommandLine;
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

    public static EngagementStrategy? Load(FileInfo file)
    {
        if (!file.Exists)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Strategy file not found:[/] {file.FullName}");
            return null;
        }

        var result = StrategyYaml.Load(file.FullName);
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
