namespace Reporting.LocalRunner;

/// <summary>
/// host.json <c>extensions.queues</c>, read by the runner as the host reads it, plus how long a message stays hidden while it
/// runs (<see cref="MessageLease"/>: the host hides it for ten minutes and renews that; tests shorten it to see a killed
/// runner's message come back).
/// </summary>
internal sealed class QueueHostOptions
{
    public const string Section = "extensions:queues";

    /// <summary><c>none</c>: the message text as stored; <c>base64</c> (the host's default): decoded first.</summary>
    public string MessageEncoding { get; set; } = "base64";

    public int BatchSize { get; set; } = 16;

    /// <summary>The next batch is fetched when no more than this many messages still run (the host's default: half a batch).</summary>
    public int NewBatchThreshold { get; set; } = 8;

    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a failed message stays hidden before its next attempt.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>The longest wait between polls of an empty queue; the wait starts short and doubles up to this.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Not a host.json setting: <c>LocalRunner:MessageLease</c>.</summary>
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(10);
}
