using System.Diagnostics;
using System.Globalization;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reporting.Cli.Commands;
using Reporting.Cli.Uploads;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Functions;
using Reporting.Functions.Functions;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.LocalDev;
using Spectre.Console;

namespace Reporting.Cli.Demo;

/// <summary>
/// The README's main command. Everything goes through the real paths: files are uploaded to the departments'
/// containers and ingested by the host's blob trigger; the scorecards are rendered by the host's scorecard function.
/// </summary>
internal sealed class DemoRun(DirectoryInfo samples, DirectoryInfo output, string? connection)
{
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromMinutes(3);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var strategyFile = new FileInfo(Path.Combine(samples.FullName, "strategy.yaml"));
        var strategyResult = strategyFile.Exists ? StrategyYaml.Load(strategyFile.FullName) : null;
        if (strategyResult?.IsValid != true)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No valid strategy.yaml in {samples.FullName}.[/]");
            return ExitCodes.InvalidInput;
        }

        var strategy = strategyResult.Strategy!;
        var submissions = LocalSubmission.Find(Path.Combine(samples.FullName, "submissions"), null, strategy, out var problem);
        if (problem is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{problem}[/]");
            return ExitCodes.InvalidInput;
        }

        AzuriteEmulator? azurite = null;
        try
        {
            if (connection is null)
            {
                azurite = await AnsiConsole.Status().StartAsync("Starting Azurite (in memory, free ports)...",
                    _ => AzuriteEmulator.StartAsync(message => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]"), cancellationToken));
            }

            // The host's clock is the system clock, or Reporting:Now (environment Reporting__Now) when set, as in the service.
            using var host = ReportingHost.CreateBuilder([], DemoSettings(azurite?.ConnectionString ?? connection!))
                .Build();
            var services = host.Services;
            if (await services.GetRequiredService<StorageProbe>().ProblemAsync(cancellationToken) is { } unreachable)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{unreachable}[/]");
                return ExitCodes.StorageUnreachable;
            }

            await host.StartAsync(cancellationToken);
            AnsiConsole.MarkupLine("[grey]Host started: the blob trigger and the monthly timer are listening.[/]");
            await services.GetRequiredService<ReportingStorageAccount>().EnsureCreatedAsync(strategy.Departments.Select(d => d.Id), cancellationToken);
            await services.GetRequiredService<StrategyBlob>().WriteAsync(await File.ReadAllTextAsync(strategyFile.FullName, cancellationToken), cancellationToken);

            var outcomes = await new UploadSession(services.GetRequiredService<SubmissionBlobs>()).RunAsync(submissions, IngestTimeout, cancellationToken);
            if (outcomes.Any(o => o.Status == "pending"))
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{outcomes.Count(o => o.Status == "pending")} uploads had no answer after {IngestTimeout.TotalMinutes:0} minutes.[/]");
                return ExitCodes.InvalidInput;
            }

            var period = submissions.Max(s => Period.Parse(Path.GetFileNameWithoutExtension(s.File.Name)));
            await AnsiConsole.Status().StartAsync($"Rendering the scorecards for {period.DisplayName}...", _ =>
                services.GetRequiredService<IJobHost>().CallAsync(MonthlyScorecards.OnDemand, new Dictionary<string, object?> { ["period"] = period.ToString() }, cancellationToken));
            var files = await RenderCommand.CopyAsync(services.GetRequiredService<ScorecardBlobs>(), period, output, cancellationToken);
            await host.StopAsync(cancellationToken);

            DemoSummary.Print(period, outcomes.CountBy(o => o.Status).ToDictionary(), files, watch.Elapsed);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (StorageFailure.Describe(ex) is { } failure)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Storage failed during the demo:[/] {failure}");
            return ExitCodes.StorageUnreachable;
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    private static Dictionary<string, string?> DemoSettings(string storage) => new()
    {
        ["AzureWebJobsStorage"] = storage,
        // The demo tells its own story; the host's logs would interleave with it.
        ["logging:logLevel:default"] = "Warning",
        ["logging:logLevel:Reporting"] = "Warning",
        ["logging:logLevel:Host"] = "Error",
        ["logging:logLevel:Function"] = "Error",
        ["logging:logLevel:Microsoft"] = "Error",
    };
}
