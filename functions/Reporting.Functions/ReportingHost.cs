using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Core.Submissions;
using Reporting.Functions.Pipeline;
using Reporting.Functions.Scheduling;
using Reporting.Functions.SubmissionBlobTrigger;
using Reporting.Pdf;
using Reporting.Storage;

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
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddTimers();
                webJobs.AddSubmissionBlobTrigger();
            })
            .ConfigureServices((context, services) =>
            {
                // host.json "singleton" (as in Azure Functions): how long the monthly timer's lock lasts, and how soon
                // another instance takes over after the holder dies.
                services.Configure<Microsoft.Azure.WebJobs.Host.SingletonOptions>(context.Configuration.GetSection("singleton"));
                services.AddSingleton<IHostIdProvider>(new ConfiguredHostIdProvider(context.Configuration["HostId"]));
                services.AddTelemetryWhenConfigured(context.Configuration);
                services.AddReportingServices(context.Configuration);
            });

    public static IServiceCollection AddReportingServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddReportingStorage(configuration);
        services.AddOptions<SubmissionRules>().BindConfiguration("submissions");
        services.AddOptions<PdfOptions>().BindConfiguration("Pdf");
        services.AddOptions<MonthlyScorecardOptions>().BindConfiguration(MonthlyScorecardOptions.Section);
        services.AddSingleton<ScorecardPdfRenderer>();
        services.AddSingleton<StrategySource>();
        services.AddSingleton<SubmissionIngestion>();
        services.AddSingleton<IPoisonedUploadHandler>(provider => provider.GetRequiredService<SubmissionIngestion>());
        services.AddSingleton<ScorecardPublisher>();
        // The timer extension creates the schedule type itself, so it gets its settings here, before the host starts.
        MonthlyScorecardSchedule.Configure(configuration.GetSection(MonthlyScorecardOptions.Section).Get<MonthlyScorecardOptions>() ?? new MonthlyScorecardOptions());
        return services;
    }
}
