namespace Reporting.Storage.Deliveries;

/// <summary>One logged message as <c>reporting status</c> and the retry pass see it.</summary>
public sealed record DeliveryRecord(
    string Period,
    string RowKey,
    DeliveryKind Kind,
    string Recipient,
    string Subject,
    string Document,
    int? Version,
    DeliveryStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset? SentUtc,
    DateTimeOffset? NextAttemptUtc);
