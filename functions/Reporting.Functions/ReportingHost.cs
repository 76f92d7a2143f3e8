using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Application;
using Reporting.Core.Submissions;
using Reporting.Functions.Locks;
using Reporting.Functions.ScheduleTrigger;
using Reporting.Functions.Scheduling;
using Reporting.Functions.SubmissionBlobTrigger;
using Reporting.Pdf;
using Reporting.Storage;
using Reporting.Storage.Leases;

namespace Reporting.Functions;

/// <summary>
/// Builds the WebJobs host. Configuration, lowest precedence first: defaults, host.json (beside the binaries),
/// appsettings.json, environment variables, command line. Both the service (Program) and the CLI's demo use this.
/// </summary>
public static class ReportingHost
{
    public static IHostBuilder CreateBuilder(string[] args, IDictionary<string, string?>? overrides = null) =>
        new HostBuilder()
            .UseContentRoot(AppContext.BaseDirectory)
            .ConfigureAppConfiguration(config =>
            {
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
                logging.AddConsoleFormatter<RedactingConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
            })
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.AddBlobLeaseSingletons();
                webJobs.AddScheduleTrigger();
                webJobs.AddSubmissionBlobTrigger();
            })
            .ConfigureServices((context, services) =>
            {
                // host.json "singleton" (as in Azure Functions): how long a schedule's listener lock (a blob lease) lasts,
                // and how often a standby instance tries to take it over after the holder dies.
                services.Configure<Microsoft.Azure.WebJobs.Host.SingletonOptions>(context.Configuration.GetSection("singleton"));
                services.AddSingleton<IHostIdProvider>(new ConfiguredHostIdProvider(context.Configuration["HostId"]));
                services.AddTelemetryWhenConfigured(context.Configuration);
                services.AddReportingApplication(context.Configuration);
                services.AddHostedService<StorageOperationReporter>();
                services.AddHostedService<DepartmentPagesOnStart>();
            });

}
