using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Application;
using Reporting.Storage;
using Spectre.Console;

namespace Reporting.Cli;

/// <summary>
/// The same services the host uses (storage, scoring, rendering), configured like the host (host.json, environment),
/// with the storage connection from --connection first. Checks that storage answers before any verb uses it.
/// </summary>
internal static class CliServices
{
    public static IConfiguration Configuration(string? connection)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: true)
            .AddEnvironmentVariables();
        if (connection is not null)
        {
            builder.AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection });
        }

        return builder.Build();
    }

    /// <summary>
    /// The problem with the <c>Reporting:Now</c> setting (a testing and demo aid, see <see cref="ReportingClock"/>), or null.
    /// Checked once before any verb runs, so <see cref="Create"/> can rely on it.
    /// </summary>
    public static string? ClockProblem()
    {
        try
        {
            _ = ReportingClock.FromConfiguration(Configuration(null));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The host's services (clock, options, storage clients) configured for the CLI; nothing is contacted yet.</summary>
    public static ServiceProvider Create(ParseResult parse)
    {
        var configuration = Configuration(parse.GetValue(CliOptions.Connection));
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(configuration)
            .AddReportingApplication(configuration)
            .BuildServiceProvider();
    }

    /// <summary>The services, or null (after saying why and how to fix it) when storage cannot be reached.</summary>
    public static async Task<ServiceProvider?> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ServiceProvider services;
        try
        {
            services = Create(parse);
            _ = services.GetRequiredService<ReportingStorageAccount>();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            // The reader's own messages name the setting and say what is wrong; the SDK's may quote the connection string, so they are not shown.
            var reason = ex.Source == typeof(StorageOptions).Assembly.GetName().Name ? ex.Message : ex.GetType().Name;
            AnsiConsole.MarkupLineInterpolated($"[red]The storage connection is not valid[/] ({reason}). Check --connection or AzureWebJobsStorage.");
            return null;
        }

        if (await services.GetRequiredService<StorageProbe>().ProblemAsync(cancellationToken) is { } problem)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{problem}[/]");
            AnsiConsole.MarkupLine("Start the local emulator in the repository with [bold]npm ci && npm run azurite[/], " +
                                   "or point [bold]--connection[/] / [bold]AzureWebJobsStorage[/] at a storage account. " +
                                   "(`reporting demo` starts a private emulator of its own.)");
            await services.DisposeAsync();
            return null;
        }

        return services;
    }
}
