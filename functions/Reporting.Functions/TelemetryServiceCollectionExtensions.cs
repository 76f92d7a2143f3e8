using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.Functions;

public static class TelemetryServiceCollectionExtensions
{
    public const string ConnectionSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>
    /// Sends the worker's logs and dependency calls to Application Insights through the worker's own package when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (as infra/ does); without it nothing is registered.
    /// </summary>
    public static IServiceCollection AddTelemetryWhenConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[ConnectionSetting]))
        {
            services.AddApplicationInsightsTelemetryWorkerService();
            services.ConfigureFunctionsApplicationInsights();
        }

        return services;
    }
}
