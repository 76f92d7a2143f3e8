using System.Diagnostics;
using System.Text.Json;
using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.WindowsAzure.Storage;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Functions;
using Reporting.Functions.Functions;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Emulator;
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
        var strategyResult = StrategyYaml.Load(strategyFile.FullName);
        var submissions = SampleSubmission.FindAll(samples);
        if (!strategyResult.IsValid || submissions.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No usable samples in {samples.FullName}[/] (need a valid strategy.yaml and submissions/<department>/<YYYY-MM>.csv).");
            return ExitCodes.InvalidInput;
        }

        var strategy = strategyResult.Strategy!;
        AzuriteEmulator? azurite = null;
        try
        {
            if (connection is null)
            {
                azurite = await AnsiConsole.Status().StartAsync("Starting Azurite (in memory, free ports)...",
                    _ => AzuriteEmulator.StartAsync(message => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]"), cancellationToken));
            }

            var storage = azurite?.ConnectionString ?? connection!;
            using var host = ReportingHost.CreateBuilder([], DemoSettings(storage)).Build();
            await host.StartAsync(cancellationToken);
            AnsiConsole.MarkupLine("[grey]Host started: blob trigger and monthly timer are listening.[/]");

            var services = host.Services;
            await services.GetRequiredService<ReportingStorageAccount>().EnsureCreatedAsync(strategy.Departments.Select(d => d.Id), cancellationToken);
            await services.GetRequiredService<StrategyBlob>().WriteAsync(await File.ReadAllTextAsync(strategyFile.FullName, cancellationToken), cancellationToken);

            var outcomes = await UploadAndAwaitResultsAsync(services.GetRequiredService<SubmissionBlobs>(), submissions, cancellationToken);
            var period = submissions.Max(s => s.Period);
            await RenderAsync(services, period, cancellationToken);
            var files = await CopyOutAsync(services.GetRequiredService<ScorecardBlobs>(), period, cancellationToken);
            await host.StopAsync(cancellationToken);

            DemoSummary.Print(period, outcomes, files, watch.Elapsed);
            return ExitCodes.Success;
        }
        catch (StorageException ex)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Storage could not be reached:[/] {ex.Message}");
            AnsiConsole.MarkupLine("Start Azurite with [bold]npm run azurite[/] or leave out --connection to let the demo start its own.");
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

    private static async Task<IReadOnlyDictionary<string, int>> UploadAndAwaitResultsAsync(
        SubmissionBlobs blobs, IReadOnlyList<SampleSubmission> submissions, CancellationToken cancellationToken)
    {
        var outcomes = new Dictionary<string, int>();
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var uploading = progress.AddTask($"Uploading {submissions.Count} sample submissions", maxValue: submissions.Count);
                var ingesting = progress.AddTask("Ingested by the blob trigger", maxValue: submissions.Count);
                foreach (var submission in submissions)
                {
                    await using var content = submission.File.OpenRead();
                    await blobs.UploadAsync(submission.Department, submission.BlobName, content, cancellationToken);
                    uploading.Increment(1);
                }

                var pending = submissions.ToList();
                var deadline = Stopwatch.StartNew();
                while (pending.Count > 0)
                {
                    if (deadline.Elapsed > IngestTimeout)
                    {
                        throw new TimeoutException($"{pending.Count} uploads had no result after {IngestTimeout.TotalMinutes:0} minutes; is the host's blob trigger running?");
                    }

                    foreach (var submission in pending.ToList())
                    {
                        if (await blobs.ReadResultJsonAsync(submission.Department, submission.BlobName, cancellationToken) is { } json)
                        {
                            var status = JsonDocument.Parse(json).RootElement.GetProperty("status").GetString() ?? "unknown";
                            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
                            pending.Remove(submission);
                            ingesting.Increment(1);
                        }
                    }

                    await Task.Delay(200, cancellationToken);
                }
            });
        return outcomes;
    }

    private static Task RenderAsync(IServiceProvider services, Period period, CancellationToken cancellationToken) =>
        AnsiConsole.Status().StartAsync($"Rendering the scorecards for {period.DisplayName}...", _ =>
            services.GetRequiredService<IJobHost>().CallAsync(MonthlyScorecards.OnDemand, new Dictionary<string, object?> { ["period"] = period.ToString() }, cancellationToken));

    private async Task<IReadOnlyList<FileInfo>> CopyOutAsync(ScorecardBlobs scorecards, Period period, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(output.FullName, period.ToString()));
        var files = new List<FileInfo>();
        foreach (var name in await scorecards.ListAsync(period, cancellationToken))
        {
            var target = new FileInfo(Path.Combine(folder.FullName, name));
            await File.WriteAllBytesAsync(target.FullName, await scorecards.ReadAsync(period, name, cancellationToken), cancellationToken);
            files.Add(target);
        }

        return files;
    }
}
