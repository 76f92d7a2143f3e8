using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Application;

namespace Reporting.Functions;

public static class ReportingFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// Everything the functions need: the Application layer (storage, PDFs, mail, clock), telemetry when configured, and the
    /// page refresh at start. Program.cs calls it in the worker, and the local runner calls it too, so both run the same code.
    /// </summary>
    public static IServiceCollection AddReportingFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTelemetryWhenConfigured(configuration);
        services.AddReportingApplication(configuration);
        services.AddHostedService<StorageOperationReporter>();
        services.AddHostedService<DepartmentPagesOnStart>();
        return services;
    }
}
