using NCrontab;

namespace Reporting.Functions.ScheduleTrigger;

/// <summary>A six-field cron expression (second minute hour day month weekday) evaluated in UTC: the string form of <see cref="ScheduleTriggerAttribute"/>.</summary>
public sealed class CronSchedule(CrontabSchedule cron, string expression) : ISchedule
{
    public static CronSchedule Parse(string expression) =>
        CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is { } cron
            ? new CronSchedule(cron, expression)
            : throw new InvalidOperationException($"'{expression}' is not a six-field cron expression (second minute hour day month weekday), for example 0 */10 * * * *.");

    public DateTimeOffset GetNextOccurrence(DateTimeOffset after) =>
        new(DateTime.SpecifyKind(cron.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));

    public Task<DateTimeOffset> GetNextOccurrenceAsync(DateTimeOffset after, CancellationToken cancellationToken) => Task.FromResult(GetNextOccurrence(after));

    public override string ToString() => $"{expression} (UTC)";
}
