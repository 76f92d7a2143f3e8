using Reporting.Storage.Tables;

namespace Reporting.Storage.Deliveries;

// One message in the delivery log: partition = period (YYYY-MM), row = DeliveryKey.RowKey.
internal sealed class DeliveryEntity : TableRow
{
    public string Kind { get; set; } = "";
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Document { get; set; } = "";
    public int? Version { get; set; }
    public string Status { get; set; } = "";
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset ClaimedUtc { get; set; }
    public DateTimeOffset? ClaimExpiresUtc { get; set; }
    public DateTimeOffset? SentUtc { get; set; }
    public DateTimeOffset? NextAttemptUtc { get; set; }
    public string Host { get; set; } = "";
}
