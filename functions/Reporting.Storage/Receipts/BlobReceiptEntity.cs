using Reporting.Storage.Tables;

namespace Reporting.Storage.Receipts;

/// <summary>
/// The receipt of one blob version (container + name + ETag). Its own ETag makes claiming a compare-and-swap,
/// and its claim expiry makes the claim a lease: a host that dies mid-work loses it after the lease runs out.
/// Every date is set from the clock when the receipt is made: Azure Table Storage refuses dates before 1601.
/// </summary>
public sealed class BlobReceiptEntity : TableRow
{
    public string BlobName { get; set; } = "";
    public string BlobETag { get; set; } = "";
    public string Status { get; set; } = nameof(ReceiptStatus.Processing);
    public int Attempts { get; set; }
    public string ClaimedBy { get; set; } = "";
    public DateTimeOffset ClaimExpiresUtc { get; set; }
    public DateTimeOffset NotBeforeUtc { get; set; }
    public string? LastError { get; set; }
}
