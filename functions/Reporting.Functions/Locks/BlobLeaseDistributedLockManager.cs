using System.Collections.Concurrent;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Logging;
using Reporting.Storage.Leases;

namespace Reporting.Functions.Locks;

#pragma warning disable CS0618 // IDistributedLockManager is marked "not ready for public consumption", yet it is how WebJobs hosts plug in their locks.

/// <summary>
/// The WebJobs singleton locks (<c>[Singleton]</c>, listener singletons such as our schedule trigger's) as blob leases through
/// <see cref="BlobLeaseStore"/>, in place of the legacy storage SDK's manager. A lock (account, lockId) is the blob
/// <c>singletons/&lt;account or "default"&gt;/&lt;lockId&gt;</c>; WebJobs renews it at half its period and, as with its own manager,
/// a renewal that finds the lease gone throws, which fails what runs under it rather than let two hosts run it.
/// </summary>
public sealed partial class BlobLeaseDistributedLockManager(BlobLeaseStore leases, ILogger<BlobLeaseDistributedLockManager> logger) : IDistributedLockManager
{
    private static readonly string ThisHost = $"{Environment.MachineName}:{Environment.ProcessId}";
    private readonly ConcurrentDictionary<string, bool> _waiting = new(StringComparer.Ordinal);

    /// <summary>The lock blob's name for a WebJobs lock: locks are scoped to an account (a connection name, usually none).</summary>
    public static string BlobName(string? account, string lockId) =>
        $"singletons/{(string.IsNullOrEmpty(account) ? "default" : account)}/{lockId}";

    public async Task<IDistributedLock?> TryLockAsync(
        string? account, string lockId, string? lockOwnerId, string? proposedLeaseId, TimeSpan lockPeriod, CancellationToken cancellationToken)
    {
        var owner = string.IsNullOrEmpty(lockOwnerId) ? ThisHost : $"{lockOwnerId} ({ThisHost})";
        var lease = await leases.TryAcquireAsync(BlobName(account, lockId), lockPeriod, owner, proposedLeaseId, cancellationToken);
        if (lease is null)
        {
            if (_waiting.TryAdd(lockId, true))
            {
                LogWaiting(logger, lockId, await leases.GetOwnerAsync(BlobName(account, lockId), cancellationToken) ?? "another host");
            }

            return null;
        }

        if (_waiting.TryRemove(lockId, out _))
        {
            LogTookOver(logger, lockId, ThisHost);
        }

        return new BlobLeaseLock(lockId, lease);
    }

    /// <summary>True: renewed. False: storage did not answer, try again sooner. Throws when the lease is lost.</summary>
    public async Task<bool> RenewAsync(IDistributedLock lockHandle, CancellationToken cancellationToken)
    {
        var held = (BlobLeaseLock)lockHandle;
        LeaseRenewal renewal;
        try
        {
            renewal = await leases.RenewAsync(held.Lease, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRenewalFailed(logger, ex, held.LockId);
            return false;
        }

        if (renewal == LeaseRenewal.Lost)
        {
            LogLost(logger, held.LockId, held.Lease.Duration.TotalSeconds);
            throw new InvalidOperationException($"Singleton lock '{held.LockId}' was lost: its lease expired and another host may hold it now.");
        }

        return true;
    }

    public Task ReleaseLockAsync(IDistributedLock lockHandle, CancellationToken cancellationToken) =>
        leases.ReleaseAsync(((BlobLeaseLock)lockHandle).Lease, cancellationToken);

    public Task<string?> GetLockOwnerAsync(string? account, string lockId, CancellationToken cancellationToken) =>
        leases.GetOwnerAsync(BlobName(account, lockId), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Singleton lock {LockId} is held by {Owner}; this host stands by and takes it over if it is let go or expires")]
    private static partial void LogWaiting(ILogger logger, string lockId, string owner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Singleton lock {LockId} taken over by {Host}")]
    private static partial void LogTookOver(ILogger logger, string lockId, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing singleton lock {LockId} failed; trying again sooner")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string lockId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Singleton lock {LockId} was lost: not renewed within {LeaseSeconds} s, so another host may hold it")]
    private static partial void LogLost(ILogger logger, string lockId, double leaseSeconds);
}
