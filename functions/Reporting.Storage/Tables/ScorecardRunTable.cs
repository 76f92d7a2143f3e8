using Microsoft.WindowsAzure.Storage.Table;

namespace Reporting.Storage.Tables;

/// <summary>The log of scorecard runs, successful or not.</summary>
public sealed class ScorecardRunTable(ReportingStorageAccount account)
{
    private CloudTable Table => account.Table(account.Options.RunTable);

    public async Task RecordAsync(ScorecardRun run, CancellationToken cancellationToken)
    {
        var entity = new ScorecardRunEntity
        {
            PartitionKey = run.Period,
            RowKey = $"{DateTimeOffset.MaxValue.UtcTicks - run.StartedUtc.UtcTicks:D19}-{Guid.NewGuid():N}",
            Trigger = run.Trigger,
            StartedUtc = run.StartedUtc,
            DurationMs = run.DurationMs,
            Outcome = run.Outcome,
            Version = run.Version,
            Error = run.Error is { Length: > 30_000 } tooLong ? tooLong[..30_000] : run.Error,
            Host = run.Host,
        };
        await Table.CreateIfNotExistsAsync(null, null, cancellationToken);
        await Table.ExecuteAsync(TableOperation.Insert(entity), null, null, cancellationToken);
    }

    /// <summary>A period's runs, newest first.</summary>
    public async Task<IReadOnlyList<ScorecardRun>> ListAsync(string period, CancellationToken cancellationToken)
    {
        var query = new TableQuery<ScorecardRunEntity>().Where(TableQuery.GenerateFilterCondition("PartitionKey", QueryComparisons.Equal, period));
        var runs = new List<ScorecardRun>();
        TableContinuationToken? token = null;
        do
        {
            var segment = await Table.ExecuteQuerySegmentedAsync(query, token, null, null, cancellationToken);
            runs.AddRange(segment.Results.Select(e => new ScorecardRun(e.PartitionKey, e.Trigger, e.StartedUtc, e.DurationMs, e.Outcome, e.Version, e.Error, e.Host)));
            token = segment.ContinuationToken;
        }
        while (token is not null);

        return runs;
    }
}
