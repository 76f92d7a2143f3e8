using Microsoft.Azure.WebJobs.Host;
using Reporting.Storage.Leases;

namespace Reporting.Functions.Locks;

#pragma warning disable CS0618 // IDistributedLock is marked "not ready for public consumption", yet it is how WebJobs hosts plug in their locks.

/// <summary>The WebJobs handle for a singleton lock this host holds: the lock id WebJobs asked for and the blob lease behind it.</summary>
public sealed record BlobLeaseLock(string LockId, HeldLease Lease) : IDistributedLock;
