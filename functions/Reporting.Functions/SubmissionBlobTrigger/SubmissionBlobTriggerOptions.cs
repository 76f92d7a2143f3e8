namespace Reporting.Functions.SubmissionBlobTrigger;

/// <summary>The blob trigger's settings, read from host.json <c>extensions.submissionBlobs</c>.</summary>
public sealed class SubmissionBlobTriggerOptions
{
    public const string Section = "extensions:submissionBlobs";

    /// <summary>The fastest a container is listed: every container at this pace unless <see cref="IdlePollingInterval"/> is longer.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The slowest an idle container is listed: each scan that finds nothing doubles its interval from
    /// <see cref="PollingInterval"/> up to this; one that finds an upload resets it. Null: every container at <see cref="PollingInterval"/>.
    /// </summary>
    public TimeSpan? IdlePollingInterval { get; set; }

    /// <summary>
    /// The storage queue Event Grid delivers the submission containers' <c>BlobCreated</c> events to (see infra/). When set,
    /// uploads are handled as their events arrive and every container is still listed every <see cref="SafetyNetInterval"/>,
    /// to catch what an event missed. Null (the local default, Azurite has no Event Grid): polling only.
    /// </summary>
    public string? EventQueue { get; set; }

    /// <summary>With <see cref="EventQueue"/>: how often each container is listed anyway.</summary>
    public TimeSpan SafetyNetInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>With <see cref="EventQueue"/>: how long to wait before asking an empty queue again.</summary>
    public TimeSpan EventPollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>With <see cref="EventQueue"/>: a message taken this many times without being handled goes to the poison queue.</summary>
    public int EventMaxDequeueCount { get; set; } = 10;

    /// <summary>Attempts per blob version, counting attempts cut short by a crash; after the last one the upload is poisoned.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a host holds a blob version before another host may take it over.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Uploads handled at the same time by one host.</summary>
    public int MaxConcurrentUploads { get; set; } = 4;

    /// <summary>The first retry waits this long; each further one waits twice as long as the one before.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether uploads arrive as events (<see cref="EventQueue"/> set).</summary>
    public bool UsesEvents => !string.IsNullOrWhiteSpace(EventQueue);

    /// <summary>The schedule's pace: the safety net with events; otherwise the polling interval, slowing to the idle one.</summary>
    internal (TimeSpan Fastest, TimeSpan Slowest) ScanPace() => UsesEvents
        ? (SafetyNetInterval, SafetyNetInterval)
        : (PollingInterval, IdlePollingInterval ?? PollingInterval);
}
