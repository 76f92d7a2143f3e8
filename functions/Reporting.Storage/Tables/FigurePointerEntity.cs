namespace Reporting.Storage.Tables;

/// <summary>
/// Which submission's figures are in force for one department and month: partition = period, row = <c>~in-force|&lt;department&gt;</c>.
/// Swapping it is the one write that makes a submission visible, all at once; its ETag makes the swap a compare-and-swap.
/// </summary>
public sealed class FigurePointerEntity : TableRow
{
    public const string RowPrefix = "~in-force|";

    public string Department { get; set; } = "";
    public string SubmissionKey { get; set; } = "";
    public string BlobName { get; set; } = "";
    public DateTimeOffset ReceivedUtc { get; set; }
    public int FigureCount { get; set; }

    public static string RowKeyFor(string department) => RowPrefix + department;

    /// <summary>The query filter for every department's pointer in one month's partition.</summary>
    public static string InMonth(string partition) =>
        Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {RowPrefix} and RowKey lt {RowPrefix[..^1] + "}"}");
}
