using System.Net;
using Azure;
using Azure.Data.Tables;
using Reporting.Storage.Tables;

namespace Reporting.Storage.Receipts;

/// <summary>
/// Receipts that make every blob version handled once, across restarts and across host instances:
/// a host may work on a version only while it holds the version's claim.
/// </summary>
public sealed class BlobReceiptStore(ReportingStorageAccount account, TimeProvider clock)
{
    private TableClient Table => account.Table(account.Options.ReceiptTable);

    /// <summary>Tries to claim a blob version for <paramref name="claimDuration"/>; no claim when it is finished, held by another host, or waiting to be retried.</summary>
    public async Task<ClaimAttempt> TryClaimAsync(string container, string blobName, string blobETag, string owner, TimeSpan claimDuration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var receipt = await FindAsync(container, blobName, blobETag, cancellationToken);
        if (receipt is null)
        {
            receipt = new BlobReceiptEntity { PartitionKey = container, RowKey = BlobVersionKey.For(blobName, blobETag), BlobName = blobName, BlobETag = blobETag, NotBeforeUtc = now };
        }
        else if (IsFinal(receipt))
        {
            return ClaimAttempt.Finished;
        }
        else if (!IsClaimable(receipt, now))
        {
            return ClaimAttempt.Busy;
        }

        receipt.Status = nameof(ReceiptStatus.Processing);
        receipt.Attempts++;
        receipt.ClaimedBy = owner;
        receipt.ClaimExpiresUtc = now + claimDuration;
        try
        {
            var response = receipt.ETag == default
                ? await Table.AddEntityAsync(receipt, cancellationToken)
                : await Table.UpdateEntityAsync(receipt, receipt.ETag, TableUpdateMode.Replace, cancellationToken);
            receipt.ETag = response.Headers.ETag ?? default;
        }
        catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return ClaimAttempt.Busy; // another host claimed it between our read and our write
        }

        return new ClaimAttempt(new BlobClaim(container, blobName, blobETag, receipt.Attempts, receipt), false);
    }

    /// <summary>Extends the claim by <paramref name="claimDuration"/> from now; false when another host has taken the receipt since.</summary>
    public async Task<bool> RenewAsync(BlobClaim claim, TimeSpan claimDuration, CancellationToken cancellationToken)
    {
        var receipt = claim.Receipt;
        var previous = receipt.ClaimExpiresUtc;
        receipt.ClaimExpiresUtc = clock.GetUtcNow() + claimDuration;
        try
        {
            var response = await Table.UpdateEntityAsync(receipt, receipt.ETag, TableUpdateMode.Replace, cancellationToken);
            receipt.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            receipt.ClaimExpiresUtc = previous;
            return false;
        }
    }

    public Task CompleteAsync(BlobClaim claim, CancellationToken cancellationToken) =>
        UpdateAsync(claim, ReceiptStatus.Done, null, TimeSpan.Zero, cancellationToken);

    /// <summary>Gives the claim back so any host may retry after <paramref name="retryAfter"/>.</summary>
    public Task ReleaseForRetryAsync(BlobClaim claim, string error, TimeSpan retryAfter, CancellationToken cancellationToken) =>
        UpdateAsync(claim, ReceiptStatus.RetryPending, error, retryAfter, cancellationToken);

    /// <summary>Gives the claim back at once without counting the attempt: the host is shutting down, the upload did not fail.</summary>
    public Task AbandonAsync(BlobClaim claim, CancellationToken cancellationToken)
    {
        claim.Receipt.Attempts--;
        return UpdateAsync(claim, ReceiptStatus.RetryPending, "interrupted by a host shutdown", TimeSpan.Zero, cancellationToken);
    }

    public Task PoisonAsync(BlobClaim claim, string error, CancellationToken cancellationToken) =>
        UpdateAsync(claim, ReceiptStatus.Poisoned, error, TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// The versions in one container that are handled for good (done or poisoned), in one query per container: a host
    /// that starts learns them at once instead of reading one receipt per upload ever made.
    /// </summary>
    public async Task<IReadOnlyList<(string BlobName, string BlobETag)>> FinishedVersionsAsync(string container, CancellationToken cancellationToken)
    {
        var finished = new List<(string, string)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {container} and (Status eq {nameof(ReceiptStatus.Done)} or Status eq {nameof(ReceiptStatus.Poisoned)})");
        await foreach (var receipt in Table.QueryAsync<BlobReceiptEntity>(filter, maxPerPage: 1000, select: [nameof(BlobReceiptEntity.BlobName), nameof(BlobReceiptEntity.BlobETag)], cancellationToken: cancellationToken))
        {
            finished.Add((receipt.BlobName, receipt.BlobETag));
        }

        return finished;
    }

    /// <summary>
    /// Records versions as handled without handling them: for an account whose earlier uploads were answered elsewhere
    /// (a move from another deployment) and for the benchmark's history. Batches of 100 per container, as Azure allows.
    /// </summary>
    public async Task RecordHandledAsync(string container, IEnumerable<(string BlobName, string BlobETag)> versions, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var chunk in versions.DistinctBy(v => BlobVersionKey.For(v.BlobName, v.BlobETag)).Chunk(100))
        {
            var actions = chunk.Select(v => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new BlobReceiptEntity
            {
                PartitionKey = container, RowKey = BlobVersionKey.For(v.BlobName, v.BlobETag), BlobName = v.BlobName, BlobETag = v.BlobETag,
                Status = nameof(ReceiptStatus.Done), Attempts = 1, ClaimExpiresUtc = now, NotBeforeUtc = now,
            }));
            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    public Task<BlobReceiptEntity?> FindAsync(string container, string blobName, string blobETag, CancellationToken cancellationToken) =>
        Table.FindAsync<BlobReceiptEntity>(container, BlobVersionKey.For(blobName, blobETag), cancellationToken);

    private async Task UpdateAsync(BlobClaim claim, ReceiptStatus status, string? error, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var receipt = claim.Receipt;
        receipt.Status = status.ToString();
        receipt.LastError = error;
        receipt.NotBeforeUtc = clock.GetUtcNow() + retryAfter;
        receipt.ClaimExpiresUtc = clock.GetUtcNow();
        var response = await Table.UpdateEntityAsync(receipt, receipt.ETag, TableUpdateMode.Replace, cancellationToken);
        receipt.ETag = response.Headers.ETag ?? default;
    }

    private static bool IsFinal(BlobReceiptEntity receipt) =>
        receipt.Status is nameof(ReceiptStatus.Done) or nameof(ReceiptStatus.Poisoned);

    private static bool IsClaimable(BlobReceiptEntity receipt, DateTimeOffset now) => receipt.Status switch
    {
        nameof(ReceiptStatus.Processing) => receipt.ClaimExpiresUtc <= now,
        nameof(ReceiptStatus.RetryPending) => receipt.NotBeforeUtc <= now,
        _ => false,
    };
}
