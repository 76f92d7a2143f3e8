using Microsoft.Extensions.Options;
using NCrontab;
using Reporting.Application;
using Reporting.Functions.ScheduleTrigger;

namespace Reporting.Functions.Scheduling;

/// <summary>
/// The monthly timer's schedule: a cron expression evaluated in a configured time zone, so "06:00 on the 6th"
/// means 06:00 in the organisation's office whatever zone the host machine runs in. Settings: host.json <c>extensions.monthlyScorecards</c>.
/// </summary>
public sealed class MonthlyScorecardSchedule(IOptions<MonthlyScorecardOptions> options) : ISchedule
{
    private readonly (CrontabSchedule Cron, TimeZoneInfo Zone, string Text) _settings = Read(options.Value);

    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        var (cron, zone, _) = _settings;
        var zonedNow = TimeZoneInfo.ConvertTimeFromUtc(after.UtcDateTime, zone);
        var next = cron.GetNextOccurrence(zonedNow);
        while (zone.IsInvalidTime(next))
        {
            next = next.AddHours(1); // the time does not exist on a spring-forward day: run at the first time that does
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(next, DateTimeKind.Unspecified), zone));
    }

    public override string ToString() => _settings.Text;

    private static (CrontabSchedule, TimeZoneInfo, string) Read(MonthlyScorecardOptions options)
    {
        var cron = CrontabSchedule.TryParse(options.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException(
                $"extensions.monthlyScorecards.schedule '{options.Schedule}' is not a six-field cron expression (second minute hour day month weekday), for example 0 0 6 6 * *.");
        return (cron, options.ResolveTimeZone(), $"{options.Schedule} ({options.TimeZone})");
    }
}
