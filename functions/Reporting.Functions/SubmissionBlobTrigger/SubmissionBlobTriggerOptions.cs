namespace Reporting.Functions.SubmissionBlobTrigger;

/// <summary>The blob trigger's settings, read from host.json <c>extensions.submissionBlobs</c>.</summary>
public sealed class SubmissionBlobTriggerOptions
{
    public const string Section = "extensions:submissionBlobs";

    /// <summary>How long to wait between scans of the submission containers.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts per blob version, counting attempts cut short by a crash; after the last one the upload is poisoned.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a host holds a blob version before another host may take it over.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Uploads handled at the same time by one host.</summary>
    public int MaxConcurrentUploads { get; set; } = 4;

    /// <summary>The first retry waits this long; each further one waits twice as long as the one before.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
