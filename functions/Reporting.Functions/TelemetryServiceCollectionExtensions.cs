using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.Functions;

public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Sends the worker's logs, traces and dependency calls to Application Insights through the worker's own package when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (as infra/ does), with keys and SAS signatures redacted as on
    /// the console; without it nothing is registered and nothing is said about it.
    /// </summary>
    public static IServiceCollection AddTelemetryWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[ConnectionSetting]))
        {
            services.AddApplicationInsightsTelemetryWorkerService();
            services.ConfigureFunctionsApplicationInsights();
            // The console's redaction, for everything that goes to Application Insights instead.
            services.AddSingleton<ITelemetryInitializer, RedactingTelemetryInitializer>();
        }

        return services;
    }
}
