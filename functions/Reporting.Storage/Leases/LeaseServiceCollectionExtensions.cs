using Microsoft.Extensions.DependencyInjection;

namespace Reporting.Storage.Leases;

public static class LeaseServiceCollectionExtensions
{
    /// <summary>Registers the lease store (the monthly render lock), on the account from <c>AddReportingStorage</c>, with <see cref="LeaseOptions"/> from <c>Storage:LockContainer</c>.</summary>
    public static IServiceCollection AddReportingLeases(this IServiceCollection services)
    {
        services.AddOptions<LeaseOptions>().BindConfiguration(LeaseOptions.Section);
        services.AddSingleton<BlobLeaseStore>();
        return services;
    }
}
