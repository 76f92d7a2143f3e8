namespace Reporting.Functions.ScheduleTrigger;

/// <summary>
/// What a schedule-triggered function is handed: the occurrence it runs for, the one after it, and whether this run catches up
/// an occurrence that passed while no host was running the schedule (then it runs late, once, however many were missed).
/// </summary>
public sealed record ScheduleInfo(DateTimeOffset ScheduledUtc, DateTimeOffset Next, bool IsPastDue);
