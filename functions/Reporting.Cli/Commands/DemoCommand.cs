using System.CommandLine;
using Reporting.Cli.Demo;

namespace Reporting.Cli.Commands;

/// <summary><c>reporting demo</c>: the whole pipeline on a private local emulator, from sample uploads to PDFs in ./out.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out", "-o")
        {
            Description = "Where to copy the scorecards (default: ./out)",
            DefaultValueFactory = _ => new DirectoryInfo("out"),
        };
        var samples = new Option<DirectoryInfo>("--samples")
        {
            Description = "The sample organisation: strategy.yaml and submissions/<department>/<YYYY-MM>.csv",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine(RepositoryPaths.Root, "samples")),
        };
        var command = new Command("demo",
            "Start Azurite (a private, in-memory one unless --connection is given) and the host, upload the sample organisation's " +
            "year of submissions through the Function App's Ingest function on the local runner, render the latest month's scorecards and copy them to --out.\n\n" +
            "Example:\n  reporting demo --out out")
        {
            output, samples,
        };
        command.SetAction((parse, cancellationToken) =>
            new DemoRun(parse.GetValue(samples)!, parse.GetValue(output)!, parse.GetValue(CliOptions.Connection)).RunAsync(cancellationToken));
        return command;
    }
}
