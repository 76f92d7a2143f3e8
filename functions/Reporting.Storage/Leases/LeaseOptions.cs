namespace Reporting.Storage.Leases;

/// <summary>
/// Where the host keeps its locks and timer records: configuration section <c>Storage</c>, beside the other names,
/// so tests and several deployments in one account can each have their own container.
/// </summary>
public sealed class LeaseOptions
{
    public const string Section = "Storage";

    /// <summary>The container of lock blobs (<c>singletons/…</c>) and timer status blobs (<c>timers/…</c>).</summary>
    public string LockContainer { get; set; } = "locks";
}
