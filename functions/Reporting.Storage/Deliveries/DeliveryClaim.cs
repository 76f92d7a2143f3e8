namespace Reporting.Storage.Deliveries;

/// <summary>A host's right to send one message now: the row it claimed and the row's ETag, which its outcome must match.</summary>
public sealed record DeliveryClaim(string Period, string RowKey, int Attempt, string ETag);
