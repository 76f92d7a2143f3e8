namespace Reporting.Storage.Tables;

/// <summary>A stored <see cref="SubmissionRecord"/>: partition = department, row = the blob version's key.</summary>
public sealed class SubmissionEntity : TableRow
{
    public string BlobName { get; set; } = "";
    public string BlobETag { get; set; } = "";
    public string? Period { get; set; }
    public string Checksum { get; set; } = "";
    public DateTimeOffset ReceivedUtc { get; set; }
    public string Status { get; set; } = "";
    public int FigureCount { get; set; }
    public int ProblemCount { get; set; }
    public string Problems { get; set; } = "";
}
