using Azure.Data.Tables;
using Reporting.Core.Submissions;

namespace Reporting.Storage.Tables;

/// <summary>Every submission ever received, accepted or not, partitioned by department.</summary>
public sealed class SubmissionHistoryTable(ReportingStorageAccount account)
{
    // A table property holds at most 32K UTF-16 characters; the full problem list is in the result blob anyway.
    private const int MaxProblemText = 30_000;

    private TableClient Table => account.Table(account.Options.SubmissionTable);

    /// <summary>Records a submission; keyed by blob name and version, so recording the same version twice keeps one row.</summary>
    public async Task RecordAsync(SubmissionRecord record, CancellationToken cancellationToken)
    {
        var entity = new SubmissionEntity
        {
            PartitionKey = record.Department,
            RowKey = BlobVersionKey.For(record.BlobName, record.ETag),
            BlobName = record.BlobName,
            BlobETag = record.ETag,
            Period = record.Period,
            Checksum = record.Checksum,
            ReceivedUtc = record.ReceivedUtc,
            Status = record.Status.Word(),
            FigureCount = record.FigureCount,
            ProblemCount = record.ProblemCount,
            Problems = record.Problems.Length <= MaxProblemText ? record.Problems : record.Problems[..MaxProblemText],
        };
        await Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The record of one blob version, or null.</summary>
    public async Task<SubmissionRecord?> FindAsync(string department, string blobName, string blobETag, CancellationToken cancellationToken) =>
        await Table.FindAsync<SubmissionEntity>(department, BlobVersionKey.For(blobName, blobETag), cancellationToken) is { } entity ? ToRecord(entity) : null;

    /// <summary>An earlier version of the same file with the same content (only properties or metadata changed since), or null.</summary>
    public async Task<SubmissionRecord?> FindSameContentAsync(string department, string blobName, string checksum, string exceptETag, CancellationToken cancellationToken) =>
        (await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {department} and BlobName eq {blobName} and Checksum eq {checksum}"), cancellationToken))
            .FirstOrDefault(r => r.ETag != exceptETag && r.Status is not (SubmissionStatus.Unchanged or SubmissionStatus.Poisoned));

    public Task<IReadOnlyList<SubmissionRecord>> ListAsync(string department, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {department}"), cancellationToken);

    /// <summary>Every department's accepted submissions for a month, in one query.</summary>
    public Task<IReadOnlyList<SubmissionRecord>> ListAcceptedAsync(string period, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"Period eq {period} and Status eq {SubmissionStatus.Accepted.Word()}"), cancellationToken);

    private async Task<IReadOnlyList<SubmissionRecord>> QueryAsync(string filter, CancellationToken cancellationToken) =>
        (await Table.QueryAllAsync<SubmissionEntity>(filter, cancellationToken))
            .Select(ToRecord)
            .OrderBy(r => r.ReceivedUtc)
            .ToList();

    private static SubmissionRecord ToRecord(SubmissionEntity e) =>
        new(e.PartitionKey, e.BlobName, e.BlobETag, e.Period, e.Checksum, e.ReceivedUtc, SubmissionStatusWords.Parse(e.Status), e.FigureCount, e.ProblemCount, e.Problems);
}
