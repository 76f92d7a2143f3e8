using Microsoft.WindowsAzure.Storage.Table;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;

namespace Reporting.Storage.Tables;

/// <summary>The accepted monthly figures of every department.</summary>
public sealed class KpiFigureTable(ReportingStorageAccount account)
{
    private const int MaxBatch = 100;

    private CloudTable Table => account.Table(account.Options.FigureTable);

    /// <summary>
    /// Makes the stored figures of one department and period exactly <paramref name="figures"/>:
    /// upserts them, then removes figures the new submission no longer reports. Safe to repeat.
    /// </summary>
    public async Task ReplaceAsync(string department, Period period, IReadOnlyList<KpiFigure> figures, string submissionId, CancellationToken cancellationToken)
    {
        var partition = period.ToString();
        var existing = await QueryAsync(DepartmentInPeriod(partition, department), cancellationToken);
        var keep = figures.Select(f => KpiFigureEntity.RowKeyFor(department, f.KpiId)).ToHashSet(StringComparer.Ordinal);

        var upserts = figures.Select(f => TableOperation.InsertOrReplace(new KpiFigureEntity
        {
            PartitionKey = partition,
            RowKey = KpiFigureEntity.RowKeyFor(department, f.KpiId),
            Department = department,
            Kpi = f.KpiId,
            Value = f.Value,
            Comment = f.Comment,
            SubmissionId = submissionId,
        }));
        var deletes = existing.Where(e => !keep.Contains(e.RowKey)).Select(e => TableOperation.Delete(e));
        await ExecuteInBatchesAsync(upserts.Concat(deletes), cancellationToken);
    }

    /// <summary>Every figure from <paramref name="first"/> to <paramref name="last"/> inclusive, all departments.</summary>
    public async Task<IReadOnlyList<KpiFigure>> LoadAsync(Period first, Period last, CancellationToken cancellationToken)
    {
        var filter = TableQuery.CombineFilters(
            TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.GreaterThanOrEqual, first.ToString()),
            TableOperators.And,
            TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.LessThanOrEqual, last.ToString()));
        var entities = await QueryAsync(filter, cancellationToken);
        return entities
            .Select(e => new KpiFigure(e.Department, Period.Parse(e.PartitionKey), e.Kpi, e.Value, e.Comment))
            .ToList();
    }

    private static string DepartmentInPeriod(string partition, string department) => TableQuery.CombineFilters(
        TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.Equal, partition),
        TableOperators.And,
        TableQuery.CombineFilters(
            TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.GreaterThanOrEqual, department + "|"),
            TableOperators.And,
            TableQuery.GenerateFilterCondition("RowKey", QueryComparisons.LessThan, department + "}")));

    private async Task<List<KpiFigureEntity>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var query = new TableQuery<KpiFigureEntity>().Where(filter);
        var results = new List<KpiFigureEntity>();
        TableContinuationToken? token = null;
        do
        {
            var segment = await Table.ExecuteQuerySegmentedAsync(query, token, null, null, cancellationToken);
            results.AddRange(segment.Results);
            token = segment.ContinuationToken;
        }
        while (token is not null);

        return results;
    }

    private async Task ExecuteInBatchesAsync(IEnumerable<TableOperation> operations, CancellationToken cancellationToken)
    {
        foreach (var chunk in operations.Chunk(MaxBatch))
        {
            var batch = new TableBatchOperation();
            foreach (var operation in chunk)
            {
                batch.Add(operation);
            }

            await Table.ExecuteBatchAsync(batch, null, null, cancellationToken);
        }
    }
}
