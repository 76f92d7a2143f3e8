namespace Reporting.Application.Uploads;

/// <summary>The safety net's settings (<c>SafetyNet:*</c>); its schedule is the timer's app setting <c>SafetyNetSchedule</c>.</summary>
public sealed class SafetyNetOptions
{
    public const string Section = "SafetyNet";

    /// <summary>
    /// How long an upload may wait for its event before the safety net puts it on the queue (Event Grid usually delivers in
    /// seconds). Zero where no events come at all (Azurite; the local runner sets it).
    /// </summary>
    public TimeSpan MinimumAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An upload put on the queue is not put there again by this instance before this long (its message is on its way).</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The most upload versions an instance remembers as answered (so it need not read their history again), and the most it
    /// remembers as sent lately. Past it, the rest are looked up (or sent) again at the next run.
    /// </summary>
    public int MaxRemembered { get; set; } = 100_000;
}
