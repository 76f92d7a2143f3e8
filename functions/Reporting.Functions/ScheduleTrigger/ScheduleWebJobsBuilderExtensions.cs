using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.Functions.ScheduleTrigger;

public static class ScheduleWebJobsBuilderExtensions
{
    /// <summary>
    /// Adds our schedule trigger, <see cref="ScheduleTriggerAttribute"/>, in place of the WebJobs timer. Needs <c>AddReportingLeases</c>,
    /// and <c>AddBlobLeaseSingletons</c> for its listener to run on one host at a time.
    /// </summary>
    public static IWebJobsBuilder AddScheduleTrigger(this IWebJobsBuilder builder)
    {
        builder.AddExtension<ScheduleExtensionConfigProvider>();
        builder.Services.AddSingleton<ScheduleMonitor>();
        builder.Services.AddSingleton<ScheduleTriggerBindingProvider>();
        return builder;
    }
}
