using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.Functions;

public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Sends logs, traces and dependency calls to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>
    /// is set (as the Bicep templates do), with keys and SAS signatures redacted as on the console; without it nothing is
    /// registered and nothing is said about it.
    /// </summary>
    public static IServiceCollection AddTelemetryWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        var connection = configuration[ConnectionSetting];
        if (!string.IsNullOrWhiteSpace(connection))
        {
            services.AddApplicationInsightsTelemetryWorkerService(options => options.ConnectionString = connection);
            // The console's redaction, for everything that goes to Application Insights instead.
            services.AddSingleton<ITelemetryInitializer, RedactingTelemetryInitializer>();
        }

        return services;
    }
}
