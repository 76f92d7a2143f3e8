using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Reporting.Functions.Locks;

#pragma warning disable CS0618 // IDistributedLockManager is marked "not ready for public consumption", yet it is how WebJobs hosts plug in their locks.

public static class BlobLeaseLockWebJobsBuilderExtensions
{
    /// <summary>
    /// Makes WebJobs singletons (and so our schedule trigger's listener) hold blob leases through <see cref="BlobLeaseDistributedLockManager"/>
    /// instead of its in-memory locks, which hold only within one process. Needs <c>AddReportingLeases</c>.
    /// </summary>
    public static IWebJobsBuilder AddBlobLeaseSingletons(this IWebJobsBuilder builder)
    {
        builder.Services.Replace(ServiceDescriptor.Singleton<IDistributedLockManager, BlobLeaseDistributedLockManager>());
        return builder;
    }
}
