using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Cli.Commands;
using Reporting.Cli.Uploads;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Application;
using Reporting.Application.Pages;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.LocalDev;
using Spectre.Console;

namespace Reporting.Cli.Demo;

/// <summary>
/// The README's main command. Everything goes through the real paths: files are uploaded to the departments'
/// containers and ingested by the Function App's Ingest function on the local runner (started as its own process, its log
/// in the output folder; its safety net finds the uploads, as Azurite sends no Event Grid events); the scorecards are
/// rendered by the same service the monthly timer and <c>reporting render</c> use.
/// </summary>
internal sealed class DemoRun(DirectoryInfo samples, DirectoryInfo output, string? connection)
{
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

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
        var submissionsFolder = Path.Combine(samples.FullName, "submissions");
        var found = LocalSubmission.Find(submissionsFolder, null, strategy, out var problem);
        var submissions = problem is null ? SampleReceivedTimes.Declare(found, submissionsFolder, strategy.SubmissionDeadlineDay, out problem) : found;
        if (problem is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{problem}[/]");
            return ExitCodes.InvalidInput;
        }

        AzuriteEmulator? azurite = null;
        MailDevServer? maildev = null;
        try
        {
            if (connection is null)
            {
                azurite = await AnsiConsole.Status().StartAsync("Starting Azurite (in memory, free ports)...",
                    _ => AzuriteEmulator.StartAsync(message => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]"), cancellationToken));
            }

            maildev = await AnsiConsole.Status().StartAsync("Starting the local mail server (maildev, free ports)...",
                _ => MailDevServer.StartAsync(message => AnsiConsole.MarkupLineInterpolated($"[grey]{message}[/]"), cancellationToken));
            var settings = DemoSettings(azurite?.ConnectionString ?? connection!, maildev);
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build();
            await using var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton<IConfiguration>(configuration)
                .AddReportingApplication(configuration)
                .BuildServiceProvider();
            if (await services.GetRequiredService<StorageProbe>().ProblemAsync(cancellationToken) is { } unreachable)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{unreachable}[/]");
                return ExitCodes.StorageUnreachable;
            }

            await services.GetRequiredService<ReportingStorageAccount>().EnsureCreatedAsync(strategy.Departments.Select(d => d.Id), cancellationToken);
            await services.GetRequiredService<StrategyBlob>().WriteAsync(await File.ReadAllTextAsync(strategyFile.FullName, cancellationToken), cancellationToken);
            var logPath = Path.Combine(output.FullName, "host.log");
            await using var host = await AnsiConsole.Status().StartAsync("Starting the host...",
                _ => LocalHostProcess.StartAsync(RepositoryPaths.Root, BuildConfiguration.Name, settings, logPath, cancellationToken));
            AnsiConsole.MarkupLineInterpolated($"[grey]The Function App's functions run on the local runner, its own process: ingest, safety net, timers (log: {logPath}).[/]");

            var outcomes = await new UploadSession(services.GetRequiredService<SubmissionBlobs>()).RunAsync(submissions, IngestTimeout, cancellationToken);
            if (outcomes.Any(o => o.IsPending))
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{outcomes.Count(o => o.IsPending)} uploads had no answer after {IngestTimeout.TotalMinutes:0} minutes.[/]");
                return ExitCodes.InvalidInput;
            }

            var period = submissions.Max(s => Period.Parse(Path.GetFileNameWithoutExtension(s.File.Name)));
            await AnsiConsole.Status().StartAsync($"Rendering the scorecards for {period.DisplayName}...", _ =>
                services.GetRequiredService<ScorecardPublisher>().PublishAsync(period, "demo", cancellationToken));
            var files = await RenderCommand.CopyAsync(services.GetRequiredService<ScorecardBlobs>(), period, output, cancellationToken);

            var expectedMail = strategy.Mail.Leadership.Count + strategy.Departments.Count(d => d.OwnerEmail is not null);
            await DemoMailbox.SaveAsync(maildev, expectedMail, output, MailTimeout, cancellationToken);
            DemoSummary.Print(period, outcomes.CountBy(o => o.Word).ToDictionary(), files, watch.Elapsed);
            await PrintPageLinkAsync(services.GetRequiredService<DepartmentPagePublisher>(), strategy.Departments[0], azurite is null, cancellationToken);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (StorageFailure.Describe(ex) is { } failure)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Storage failed during the demo:[/] {failure}");
            return ExitCodes.StorageUnreachable;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("the host", StringComparison.Ordinal))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]The demo could not run the host:[/] {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        finally
        {
            if (maildev is not null)
            {
                await maildev.DisposeAsync();
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    // One department's upload page, as `reporting grant` gives it. On the demo's private Azurite it works until the demo ends;
    // with --connection the storage outlives the demo, and so does the link.
    private static async Task PrintPageLinkAsync(DepartmentPagePublisher pages, Department department, bool storageOutlivesDemo, CancellationToken cancellationToken)
    {
        var grant = await pages.GrantAsync(department.Id, TimeSpan.FromDays(1), cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"{department.Name}'s upload page (what `reporting grant --department {department.Id}` gives a department):");
        Console.WriteLine(grant.PageUrl.AbsoluteUri);
        if (!storageOutlivesDemo)
        {
            AnsiConsole.MarkupLine("[grey]It works while the demo's Azurite runs, which stops now; run the demo with --connection to your own Azurite to keep it.[/]");
        }
    }

    // The host's own log goes to host.log at host.json's levels; the demo's services stay quiet in the terminal.
    // Mail goes to the demo's own maildev, from the host (re-renders) and from the demo's render alike. The demo's host,
    // and only it, takes the received times the sample uploads declare (see SampleReceivedTimes).
    private static Dictionary<string, string?> DemoSettings(string storage, MailDevServer maildev)
    {
        var settings = maildev.Settings();
        settings["AzureWebJobsStorage"] = storage;
        settings[$"{ReceivedTimeOptions.Section}:{nameof(ReceivedTimeOptions.TrustDeclaredReceivedTime)}"] = "true";
        settings["logging:logLevel:default"] = "Warning";
        return settings;
    }
}
