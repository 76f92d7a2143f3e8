using Microsoft.WindowsAzure.Storage.Table;

namespace Reporting.Storage.Tables;

internal static class CloudTableQueries
{
    /// <summary>Every entity matching the filter, following continuation tokens page by page.</summary>
    public static async Task<List<T>> QueryAllAsync<T>(this CloudTable table, string filter, CancellationToken cancellationToken)
        where T : ITableEntity, new()
    {
        var query = new TableQuery<T>().Where(filter);
        var results = new List<T>();
        TableContinuationToken? token = null;
        do
        {
            var segment = await table.ExecuteQuerySegmentedAsync(query, token, null, null, cancellationToken);
            results.AddRange(segment.Results);
            token = segment.ContinuationToken;
        }
        while (token is not null);

        return results;
    }
}
