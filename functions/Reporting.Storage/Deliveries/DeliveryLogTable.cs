using System.Net;
using Azure;
using Azure.Data.Tables;
using Reporting.Storage.Tables;

namespace Reporting.Storage.Deliveries;

/// <summary>
/// The delivery log: one row per message (period, kind, version, document, recipient). A host sends a message only
/// after it has claimed the row: a conditional insert for the first attempt (it fails when any host inserted the row
/// before), an ETag-conditional update for a retry. So two hosts, or a host started again, never send the same message
/// twice. A host that dies between claiming and recording leaves the row "sending"; past its claim expiry it is reported
/// as unknown and not sent again (at most once: a duplicate scorecard to an executive is worse than one a person resends).
/// </summary>
public sealed class DeliveryLogTable(ReportingStorageAccount account, TimeProvider clock)
{
    private TableClient Table => account.Table(account.Options.DeliveryTable);

    /// <summary>Claims a message for its first attempt; null when it was claimed (and so sent, or being sent) before.</summary>
    public async Task<DeliveryClaim?> ClaimAsync(DeliveryKey key, string subject, TimeSpan claimDuration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entity = new DeliveryEntity
        {
            PartitionKey = key.Period,
            RowKey = key.RowKey,
            Kind = key.Kind.ToString(),
            Recipient = key.Recipient,
            Subject = subject,
            Document = key.Document,
            Version = key.Version,
            Status = nameof(DeliveryStatus.Sending),
            Attempts = 1,
            ClaimedUtc = now,
            ClaimExpiresUtc = now + claimDuration,
            Host = Environment.MachineName,
        };
        await Table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var response = await Table.AddEntityAsync(entity, cancellationToken);
            return new DeliveryClaim(key.Period, key.RowKey, 1, response.Headers.ETag?.ToString() ?? "");
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    /// <summary>Claims a failed message for its next attempt; null when another host claimed it first.</summary>
    public async Task<DeliveryClaim?> ClaimRetryAsync(DeliveryRecord failed, TimeSpan claimDuration, CancellationToken cancellationToken)
    {
        if (await Table.FindAsync<DeliveryEntity>(failed.Period, failed.RowKey, cancellationToken) is not { Status: nameof(DeliveryStatus.Failed) } entity)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        entity.Status = nameof(DeliveryStatus.Sending);
        entity.Attempts++;
        entity.ClaimedUtc = now;
        entity.ClaimExpiresUtc = now + claimDuration;
        entity.Host = Environment.MachineName;
        try
        {
            var response = await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return new DeliveryClaim(entity.PartitionKey, entity.RowKey, entity.Attempts, response.Headers.ETag?.ToString() ?? "");
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            return null;
        }
    }

    public Task RecordSentAsync(DeliveryClaim claim, CancellationToken cancellationToken) =>
        RecordAsync(claim, e =>
        {
            e.Status = nameof(DeliveryStatus.Sent);
            e.SentUtc = clock.GetUtcNow();
            e.NextAttemptUtc = null;
        }, cancellationToken);

    /// <summary>Records a failed attempt: retried at <paramref name="nextAttempt"/>, or given up when that is null.</summary>
    public Task RecordFailedAsync(DeliveryClaim claim, string error, DateTimeOffset? nextAttempt, CancellationToken cancellationToken) =>
        RecordAsync(claim, e =>
        {
            e.Status = nextAttempt is null ? nameof(DeliveryStatus.GaveUp) : nameof(DeliveryStatus.Failed);
            e.LastError = error.Length > 2_000 ? error[..2_000] : error;
            e.NextAttemptUtc = nextAttempt;
        }, cancellationToken);

    /// <summary>Failed messages whose next attempt is due, oldest period first.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> ListDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await Table.CreateIfNotExistsAsync(cancellationToken);
        var failed = await Table.QueryAllAsync<DeliveryEntity, DeliveryRecord>(
            TableClient.CreateQueryFilter($"Status eq {nameof(DeliveryStatus.Failed)}"), ToRecord, cancellationToken);
        return failed.Where(r => r.NextAttemptUtc <= now).ToList();
    }

    /// <summary>Every message logged for the period (unknown where a claim expired unrecorded).</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string period, CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken);
        return await Table.QueryAllAsync<DeliveryEntity, DeliveryRecord>(TableClient.CreateQueryFilter($"PartitionKey eq {period}"), ToRecord, cancellationToken);
    }

    private DeliveryRecord ToRecord(DeliveryEntity e)
    {
        var status = Enum.Parse<DeliveryStatus>(e.Status);
        if (status == DeliveryStatus.Sending && e.ClaimExpiresUtc < clock.GetUtcNow())
        {
            status = DeliveryStatus.Unknown;
        }

        return new DeliveryRecord(e.PartitionKey, e.RowKey, Enum.Parse<DeliveryKind>(e.Kind), e.Recipient, e.Subject, e.Document, e.Version, status, e.Attempts, e.LastError, e.SentUtc, e.NextAttemptUtc);
    }

    // The outcome is written only over the row this host claimed: if the ETag moved, someone else owns it now.
    private async Task RecordAsync(DeliveryClaim claim, Action<DeliveryEntity> change, CancellationToken cancellationToken)
    {
        var entity = await Table.FindAsync<DeliveryEntity>(claim.Period, claim.RowKey, cancellationToken)
            ?? throw new InvalidOperationException($"the delivery log row {claim.Period}/{claim.RowKey} disappeared");
        change(entity);
        entity.ClaimExpiresUtc = null;
        await Table.UpdateEntityAsync(entity, new ETag(claim.ETag), TableUpdateMode.Replace, cancellationToken);
    }
}
