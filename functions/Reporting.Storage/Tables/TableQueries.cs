using Azure.Data.Tables;

namespace Reporting.Storage.Tables;

internal static class TableQueries
{
    private const int PageSize = 1000;

    /// <summary>Every entity matching the filter, following continuation tokens page by page.</summary>
    public static Task<List<T>> QueryAllAsync<T>(this TableClient table, string filter, CancellationToken cancellationToken, IEnumerable<string>? columns = null)
        where T : class, ITableEntity, new() =>
        table.QueryAllAsync<T, T>(filter, entity => entity, cancellationToken, columns);

    /// <summary>
    /// Every entity matching the filter, turned into <typeparamref name="TResult"/> page by page, so the entities of one
    /// page at most are held at a time. With <paramref name="columns"/>, only those properties are read (the others,
    /// keys included, keep their defaults): less for the service to send and for the client to parse.
    /// </summary>
    public static async Task<List<TResult>> QueryAllAsync<T, TResult>(this TableClient table, string filter, Func<T, TResult> select, CancellationToken cancellationToken, IEnumerable<string>? columns = null)
        where T : class, ITableEntity, new()
    {
        var results = new List<TResult>();
        await foreach (var page in table.QueryAsync<T>(filter, PageSize, columns, cancellationToken).AsPages())
        {
            results.AddRange(page.Values.Select(select));
        }

        return results;
    }

    /// <summary>The entity, or null when there is none.</summary>
    public static async Task<T?> FindAsync<T>(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        var response = await table.GetEntityIfExistsAsync<T>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
