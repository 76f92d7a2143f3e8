using Reporting.Storage.Leases;

namespace Reporting.Functions.ScheduleTrigger;

/// <summary>A timer's status as a listener starts: what is stored (written now if it was missing or stale) and whether an occurrence was missed.</summary>
public sealed record ScheduleCheck(StoredScheduleStatus Stored, bool IsPastDue);
