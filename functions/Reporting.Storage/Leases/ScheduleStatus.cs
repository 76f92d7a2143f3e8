namespace Reporting.Storage.Leases;

/// <summary>
/// What a timer last recorded: the occurrence it last ran (none yet when null), the occurrence it expects next,
/// and when it last worked that out. A host that starts after <see cref="Next"/> has missed an occurrence.
/// </summary>
public sealed record ScheduleStatus(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
