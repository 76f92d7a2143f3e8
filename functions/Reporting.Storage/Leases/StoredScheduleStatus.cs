namespace Reporting.Storage.Leases;

/// <summary>A timer's status as stored, with the ETag a later write must match so it cannot overwrite a newer one unseen.</summary>
public sealed record StoredScheduleStatus(ScheduleStatus Status, string ETag);
