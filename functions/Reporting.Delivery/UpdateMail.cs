namespace Reporting.Delivery;

/// <summary>Whether a month rendered again (late figures, <c>reporting render</c>) is mailed again.</summary>
public enum UpdateMail
{
    /// <summary>Only the first version of a month is mailed.</summary>
    Never,

    /// <summary>A new version is mailed as "updated scorecard" when its figures differ from the version before.</summary>
    WhenFiguresChange,

    /// <summary>Every new version is mailed.</summary>
    Always,
}
