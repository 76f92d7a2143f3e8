namespace Reporting.Application.Uploads;

/// <summary>How the Ingest function shares the host between departments (<c>Ingest:*</c>, <c>Ingest__*</c> as app settings).</summary>
public sealed class IngestFairnessOptions
{
    public const string Section = "Ingest";

    /// <summary>
    /// How many of one department's uploads are ingested at once, across every instance; its further events are put back on
    /// the queue for later, so other departments' uploads pass them. Zero: no limit.
    /// </summary>
    public int MaxInFlightPerDepartment { get; set; } = 4;

    /// <summary>How long an event put back waits the first time; it doubles with each further deferral of the same event.</summary>
    public TimeSpan DeferDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait of an event put back (the doubling stops here).</summary>
    public TimeSpan MaxDeferDelay { get; set; } = TimeSpan.FromSeconds(30);
}
