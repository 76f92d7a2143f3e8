using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;

namespace Reporting.Storage.Leases;

/// <summary>
/// Locks as blob leases: one empty blob per lock in the lock container, held by whoever holds its lease. Azure ends a lease
/// that is not renewed within its duration, so a lock held by a process that died frees itself without anyone cleaning up.
/// </summary>
public sealed class BlobLeaseStore(ReportingStorageAccount account, IOptions<LeaseOptions> options)
{
    /// <summary>Metadata on the lock blob naming who holds it, for people and logs; the lease alone decides who does.</summary>
    public const string OwnerMetadataKey = "owner";

    /// <summary>Azure's shortest lease; it refuses shorter ones (and longer than <see cref="MaximumDuration"/>, short of infinite).</summary>
    public static readonly TimeSpan MinimumDuration = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan MaximumDuration = TimeSpan.FromSeconds(60);

    private BlobContainerClient Container => account.BlobService.GetBlobContainerClient(options.Value.LockContainer);

    /// <summary>
    /// Takes the lock <paramref name="name"/> for <paramref name="duration"/>; null when someone else holds it. The
    /// <paramref name="owner"/> is written on the blob for people (one more request); null writes nothing.
    /// </summary>
    public async Task<HeldLease?> TryAcquireAsync(string name, TimeSpan duration, string? owner, string? proposedLeaseId, CancellationToken cancellationToken)
    {
        if (duration < MinimumDuration || duration > MaximumDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"A blob lease lasts {MinimumDuration.TotalSeconds}-{MaximumDuration.TotalSeconds} s.");
        }

        var blob = Container.GetBlobClient(name);
        var client = blob.GetBlobLeaseClient(proposedLeaseId ?? Guid.NewGuid().ToString());
        string? leaseId;
        try
        {
            leaseId = await TryAcquireAsync(client, duration, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await CreateLockBlobAsync(blob, cancellationToken); // the first lock of this name, or the first in the container
            leaseId = await TryAcquireAsync(client, duration, cancellationToken);
        }

        if (leaseId is null)
        {
            return null;
        }

        if (owner is not null)
        {
            await blob.SetMetadataAsync(new Dictionary<string, string> { [OwnerMetadataKey] = HeaderSafe(owner) }, new BlobRequestConditions { LeaseId = leaseId }, cancellationToken);
        }

        return new HeldLease(name, leaseId, duration);
    }

    /// <summary>
    /// The locks under <paramref name="prefix"/> someone holds now, in one listing: how many of a group of locks are taken,
    /// without trying each. A lease that ran out counts as free, as it is.
    /// </summary>
    public async Task<IReadOnlySet<string>> ListHeldAsync(string prefix, CancellationToken cancellationToken)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var item in Container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken))
            {
                if (item.Properties.LeaseState == LeaseState.Leased)
                {
                    held.Add(item.Name);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // no lock container yet: nothing is held
        }

        return held;
    }

    /// <summary>Extends a lease by its duration. Failures other than losing it (storage unreachable, server errors) throw.</summary>
    public async Task<LeaseRenewal> RenewAsync(HeldLease lease, CancellationToken cancellationToken)
    {
        try
        {
            await Container.GetBlobClient(lease.Name).GetBlobLeaseClient(lease.LeaseId).RenewAsync(cancellationToken: cancellationToken);
            return LeaseRenewal.Renewed;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            return LeaseRenewal.Lost;
        }
    }

    /// <summary>Gives the lock up at once; nothing happens when the lease had already expired or passed to someone else.</summary>
    public async Task ReleaseAsync(HeldLease lease, CancellationToken cancellationToken)
    {
        try
        {
            await Container.GetBlobClient(lease.Name).GetBlobLeaseClient(lease.LeaseId).ReleaseAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // not ours any more: nothing to release
        }
    }

    /// <summary>Who holds the lock now, as they named themselves; null when nobody does.</summary>
    public async Task<string?> GetOwnerAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            BlobProperties properties = await Container.GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.LeaseState == LeaseState.Leased && properties.Metadata.TryGetValue(OwnerMetadataKey, out var owner) ? owner : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static async Task<string?> TryAcquireAsync(BlobLeaseClient client, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.AcquireAsync(duration, cancellationToken: cancellationToken)).Value.LeaseId;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null; // LeaseAlreadyPresent: someone else holds it
        }
    }

    private async Task CreateLockBlobAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        if (!await UploadEmptyUnlessPresentAsync(blob, cancellationToken))
        {
            await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await UploadEmptyUnlessPresentAsync(blob, cancellationToken);
        }
    }

    // False when the container is missing; a blob created (and perhaps leased) by another host in the meantime is fine.
    private static async Task<bool> UploadEmptyUnlessPresentAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    // Metadata travels as an HTTP header: ASCII only.
    private static string HeaderSafe(string value) => new(value.Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
