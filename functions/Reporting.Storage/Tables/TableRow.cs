using Azure;
using Azure.Data.Tables;

namespace Reporting.Storage.Tables;

/// <summary>The four properties every stored entity has; the row classes add their own.</summary>
public abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
