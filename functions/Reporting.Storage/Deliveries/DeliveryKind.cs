namespace Reporting.Storage.Deliveries;

/// <summary>What a logged message was.</summary>
public enum DeliveryKind
{
    /// <summary>A month's first scorecard (leadership pack or a department's PDF).</summary>
    Scorecard,

    /// <summary>A later version of a month's scorecard whose figures changed.</summary>
    Update,

    /// <summary>A reminder before the deadline to a department that has not submitted.</summary>
    Reminder,

    /// <summary>The day after the deadline: a department's figures are missing.</summary>
    MissingNotice,
}
