using System.Collections.Concurrent;
using Azure.Data.Tables;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;

namespace Reporting.Storage.Tables;

/// <summary>The accepted monthly figures of every department.</summary>
public sealed class KpiFigureTable(ReportingStorageAccount account)
{
    private const int MaxBatch = 100;
    /// <summary>How many month partitions <see cref="LoadAsync"/> reads at once.</summary>
    public const int ParallelQueries = 6;

    /// <summary>What a loaded figure is made of; the keys, timestamp and submission id are not read.</summary>
    private static readonly string[] FigureColumns = [nameof(KpiFigureEntity.Department), nameof(KpiFigureEntity.Kpi), nameof(KpiFigureEntity.Value), nameof(KpiFigureEntity.Comment)];

    private TableClient Table => account.Table(account.Options.FigureTable);

    /// <summary>
    /// Makes the stored figures of one department and period exactly <paramref name="figures"/>:
    /// upserts them, then removes figures the new submission no longer reports. Safe to repeat.
    /// </summary>
    public async Task ReplaceAsync(string department, Period period, IReadOnlyList<KpiFigure> figures, string submissionId, CancellationToken cancellationToken)
    {
        var partition = period.ToString();
        var existing = await QueryAsync(DepartmentInPeriod(partition, department), cancellationToken);
        var keep = figures.Select(f => KpiFigureEntity.RowKeyFor(department, f.KpiId)).ToHashSet(StringComparer.Ordinal);

        var upserts = figures.Select(f => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new KpiFigureEntity
        {
            PartitionKey = partition,
            RowKey = KpiFigureEntity.RowKeyFor(department, f.KpiId),
            Department = department,
            Kpi = f.KpiId,
            Value = f.Value,
            Comment = f.Comment,
            SubmissionId = submissionId,
        }));
        var deletes = existing.Where(e => !keep.Contains(e.RowKey)).Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, e.ETag));
        await ExecuteInBatchesAsync(upserts.Concat(deletes), cancellationToken);
    }

    /// <summary>
    /// Every figure from <paramref name="first"/> to <paramref name="last"/> inclusive, all departments. Each month is a
    /// partition, read by its own query, several at once; rows become figures page by page, with department and KPI
    /// ids shared rather than repeated, so a large organisation's year fits in little memory.
    /// </summary>
    public async Task<IReadOnlyList<KpiFigure>> LoadAsync(Period first, Period last, CancellationToken cancellationToken)
    {
        var months = new List<Period>();
        for (var month = first; month <= last; month = month.Next())
        {
            months.Add(month);
        }

        var ids = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var perMonth = new List<KpiFigure>[months.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, months.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelQueries, CancellationToken = cancellationToken },
            async (i, token) => perMonth[i] = await LoadMonthAsync(months[i], ids, token));
        return perMonth.SelectMany(m => m).ToList();
    }

    private Task<List<KpiFigure>> LoadMonthAsync(Period month, ConcurrentDictionary<string, string> ids, CancellationToken cancellationToken) =>
        Table.QueryAllAsync<KpiFigureEntity, KpiFigure>(
            TableClient.CreateQueryFilter($"PartitionKey eq {month.ToString()}"),
            e => new KpiFigure(ids.GetOrAdd(e.Department, e.Department), month, ids.GetOrAdd(e.Kpi, e.Kpi), e.Value, e.Comment),
            cancellationToken,
            FigureColumns);

    private static string DepartmentInPeriod(string partition, string department) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {department + "|"} and RowKey lt {department + "}"}");

    private Task<List<KpiFigureEntity>> QueryAsync(string filter, CancellationToken cancellationToken) =>
        Table.QueryAllAsync<KpiFigureEntity>(filter, cancellationToken);

    private async Task ExecuteInBatchesAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        foreach (var chunk in actions.Chunk(MaxBatch))
        {
            await Table.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }
}
