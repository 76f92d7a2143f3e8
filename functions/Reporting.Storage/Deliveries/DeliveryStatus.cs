namespace Reporting.Storage.Deliveries;

/// <summary>Where a logged message stands.</summary>
public enum DeliveryStatus
{
    /// <summary>Claimed by a host that is sending it now. Past its claim's expiry it is reported as <see cref="Unknown"/>.</summary>
    Sending,

    /// <summary>The relay accepted it.</summary>
    Sent,

    /// <summary>The last attempt failed; another is due at the row's next attempt time.</summary>
    Failed,

    /// <summary>Every attempt failed; nothing more is tried. Shown by <c>reporting status</c>.</summary>
    GaveUp,

    /// <summary>
    /// A host claimed it and stopped before recording the outcome: it may or may not have been sent. Never sent again
    /// automatically (at most once); shown by <c>reporting status</c> for a person to check.
    /// </summary>
    Unknown,
}
