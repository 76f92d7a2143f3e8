using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reporting.Storage.AzureRules;
using Reporting.Storage.Blobs;
using Reporting.Storage.Connection;
using Reporting.Storage.Deliveries;
using Reporting.Storage.Queues;
using Reporting.Storage.Tables;

namespace Reporting.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage layer. The connection is <c>AzureWebJobsStorage</c> (or
    /// <c>ConnectionStrings:AzureWebJobsStorage</c>), defaulting to the local emulator; names come from <c>Storage:*</c>.
    /// </summary>
    public static IServiceCollection AddReportingStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection("Storage"))
            .Configure(options =>
            {
                options.Connection = StorageConnectionReader.Read(configuration);
                options.EventQueue = configuration[StorageOptions.EventQueueSetting] is { Length: > 0 } queue ? queue : options.EventQueue;
            });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AzureRuleViolations>();
        services.AddSingleton<ReportingStorageAccount>();
        services.AddSingleton<KpiFigureTable>();
        services.AddSingleton<SubmissionHistoryTable>();
        services.AddSingleton(provider => new SubmissionEventQueue(
            provider.GetRequiredService<ReportingStorageAccount>(), provider.GetRequiredService<ReportingStorageAccount>().Options.EventQueue));
        services.AddSingleton<SubmissionBlobs>();
        services.AddSingleton<SubmissionUploadLookup>();
        services.AddSingleton<ScorecardBlobs>();
        services.AddSingleton<ScorecardIndexStore>();
        services.AddSingleton<ScorecardRunTable>();
        services.AddSingleton<StrategyBlob>();
        services.AddSingleton<DepartmentAccess>();
        services.AddSingleton<DepartmentPageBlobs>();
        services.AddSingleton<ScorecardLinks>();
        services.AddSingleton<DeliveryLogTable>();
        services.AddSingleton<DeliveryOutbox>();
        services.AddSingleton<StorageProbe>();
        return services;
    }

}
