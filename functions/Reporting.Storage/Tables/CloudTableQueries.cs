using Microsoft.WindowsAzure.Storage.Table;

namespace Reporting.Storage.Tables;

internal static class CloudTableQueries
{
    /// <summary>Every entity matching the filter, following continuation tokens page by page.</summary>
    public static Task<List<T>> QueryAllAsync<T>(this CloudTable table, string filter, CancellationToken cancellationToken)
        where T : ITableEntity, new() =>
        table.QueryAllAsync<T, T>(filter, entity => entity, cancellationToken);

    /// <summary>Every entity matching the filter, turned into <typeparamref name="TResult"/> page by page, so the entities of one page at most are held at a time.</summary>
    public static async Task<List<TResult>> QueryAllAsync<T, TResult>(this CloudTable table, string filter, Func<T, TResult> select, CancellationToken cancellationToken)
        where T : ITableEntity, new()
    {
        var query = new TableQuery<T>().Where(filter);
        var results = new List<TResult>();
        TableContinuationToken? token = null;
        do
        {
            var segment = await table.ExecuteQuerySegmentedAsync(query, token, null, null, cancellationToken);
            results.AddRange(segment.Results.Select(select));
            token = segment.ContinuationToken;
        }
        while (token is not null);

        return results;
    }
}
