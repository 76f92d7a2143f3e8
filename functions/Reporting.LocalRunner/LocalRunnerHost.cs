using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Reporting.Application.Uploads;
using Reporting.Functions;

namespace Reporting.LocalRunner;

/// <summary>
/// Builds the runner: the Function App's own registrations (<see cref="ReportingFunctionsServiceCollectionExtensions.AddReportingFunctions"/>)
/// plus the listeners. Configuration, lowest precedence first: the app settings' Azure values, the runner's local ones
/// (<see cref="LocalDefaults"/>), host.json's <c>extensions</c> and <c>logging</c> (beside the binaries), appsettings.json,
/// environment variables, command line.
/// </summary>
public static class LocalRunnerHost
{
    /// <summary>
    /// Where the runner differs from Azure: Azurite sends no Event Grid events, so the safety net runs every second and
    /// puts uploads on the queue at once; that is how uploads are found locally.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> LocalDefaults = new Dictionary<string, string?>
    {
        [FunctionSettings.SafetyNetSchedule] = "*/1 * * * * *",
        [$"{SafetyNetOptions.Section}:{nameof(SafetyNetOptions.MinimumAge)}"] = "00:00:00",
        [$"{SafetyNetOptions.Section}:{nameof(SafetyNetOptions.ResendAfter)}"] = "00:00:30",
    };

    public static IHostBuilder CreateBuilder(string[] args, IDictionary<string, string?>? overrides = null) =>
        new HostBuilder()
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureAppConfiguration(config =>
            {
                config.AddInMemoryCollection(FunctionSettings.Defaults.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value)));
                config.AddInMemoryCollection(LocalDefaults);
                config.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "host.json"), optional: false);
                config.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
                config.AddEnvironmentVariables();
                config.AddCommandLine(args);
                if (overrides is not null)
                {
                    config.AddInMemoryCollection(overrides);
                }
            })
            .ConfigureLogging((context, logging) =>
            {
                logging.AddConfiguration(context.Configuration.GetSection("logging"));
                logging.AddConsole(console => console.FormatterName = RedactingConsoleFormatter.Name);
                logging.AddConsoleFormatter<RedactingConsoleFormatter, ConsoleFormatterOptions>();
            })
            .ConfigureServices((context, services) =>
            {
                services.AddReportingFunctions(context.Configuration);
                services.AddOptions<QueueHostOptions>()
                    .BindConfiguration(QueueHostOptions.Section)
                    .Configure(options => options.MessageLease = context.Configuration.GetValue("LocalRunner:MessageLease", options.MessageLease));
                services.AddSingleton(provider => new FunctionInvoker(provider.GetRequiredService<IServiceScopeFactory>(), AppContext.BaseDirectory));
                services.AddHostedService<LocalRunnerService>();
            });
}
