namespace Reporting.Storage.Receipts;

/// <summary>Where a blob version is in its handling. Done and Poisoned are final.</summary>
public enum ReceiptStatus
{
    Processing,
    RetryPending,
    Done,
    Poisoned,
}
