using Azure;
using Azure.Data.Tables;

namespace Reporting.Storage.Tables;

/// <summary>
/// The log of scorecard runs. A run is written when it starts ("running", with a deadline) and again when it ends
/// ("succeeded" or "failed"), so a host killed mid-run leaves a trace: the next run marks it "interrupted".
/// </summary>
public sealed class ScorecardRunTable(ReportingStorageAccount account, TimeProvider clock)
{
    public const string Running = "running";
    public const string Interrupted = "interrupted";

    private TableClient Table => account.Table(account.Options.RunTable);

    /// <summary>Records the start of a run; returns the key to finish it with.</summary>
    public async Task<string> StartAsync(string period, string trigger, TimeSpan maxDuration, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var entity = new ScorecardRunEntity
        {
            PartitionKey = period,
            RowKey = $"{DateTimeOffset.MaxValue.UtcTicks - started.UtcTicks:D19}-{Guid.NewGuid():N}",
            Trigger = trigger,
            StartedUtc = started,
            Outcome = Running,
            ExpiresUtc = started + maxDuration,
            Host = Environment.MachineName,
        };
        await Table.CreateIfNotExistsAsync(cancellationToken);
        await Table.AddEntityAsync(entity, cancellationToken);
        return entity.RowKey;
    }

    public async Task FinishAsync(string period, string key, string outcome, int? version, string? error, CancellationToken cancellationToken)
    {
        if (await Table.FindAsync<ScorecardRunEntity>(period, key, cancellationToken) is not { } entity)
        {
            return;
        }

        entity.Outcome = outcome;
        entity.Version = version;
        entity.Error = error is { Length: > 30_000 } tooLong ? tooLong[..30_000] : error;
        entity.DurationMs = (long)(clock.GetUtcNow() - entity.StartedUtc).TotalMilliseconds;
        entity.ExpiresUtc = null;
        await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Marks the period's runs that are past their deadline without finishing as interrupted; returns how many.</summary>
    public async Task<int> MarkInterruptedAsync(string period, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stuck = (await QueryAsync(period, cancellationToken)).Where(e => e.Outcome == Running && e.ExpiresUtc < now).ToList();
        foreach (var entity in stuck)
        {
            entity.Outcome = Interrupted;
            entity.Error = $"the run did not finish by {entity.ExpiresUtc:yyyy-MM-dd HH:mm:ss} UTC: its host stopped or was killed";
            await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }

        return stuck.Count;
    }

    /// <summary>A period's runs, newest first.</summary>
    public async Task<IReadOnlyList<ScorecardRun>> ListAsync(string period, CancellationToken cancellationToken) =>
        (await QueryAsync(period, cancellationToken))
            .Select(e => new ScorecardRun(e.PartitionKey, e.Trigger, e.StartedUtc, e.DurationMs, e.Outcome, e.Version, e.Error, e.Host))
            .ToList();

    private Task<List<ScorecardRunEntity>> QueryAsync(string period, CancellationToken cancellationToken) =>
        Table.QueryAllAsync<ScorecardRunEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period}"), cancellationToken);
}
