using Microsoft.Azure.WebJobs.Extensions.Timers;
using NCrontab;

namespace Reporting.Functions.Scheduling;

/// <summary>
/// The monthly timer's schedule: a cron expression evaluated in a configured time zone, so "06:00 on the 6th"
/// means 06:00 in the organisation's office whatever zone the host machine runs in.
/// The timer extension creates schedule types itself, so the settings are handed over once at start-up by <see cref="Configure"/>.
/// </summary>
public sealed class MonthlyScorecardSchedule : TimerSchedule
{
    private static (CrontabSchedule Cron, TimeZoneInfo Zone, string Text)? _settings;

    public static void Configure(MonthlyScorecardOptions options)
    {
        var cron = CrontabSchedule.TryParse(options.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException(
                $"extensions.monthlyScorecards.schedule '{options.Schedule}' is not a six-field cron expression (second minute hour day month weekday), for example 0 0 6 6 * *.");
        _settings = (cron, options.ResolveTimeZone(), $"{options.Schedule} ({options.TimeZone})");
    }

    public override bool AdjustForDST => false;

    public override DateTime GetNextOccurrence(DateTime now)
    {
        var (cron, zone, _) = _settings ?? throw new InvalidOperationException("MonthlyScorecardSchedule.Configure was not called at start-up.");
        var utcNow = now.Kind == DateTimeKind.Utc ? now : now.ToUniversalTime();
        var zonedNow = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone);
        var next = cron.GetNextOccurrence(zonedNow);
        while (zone.IsInvalidTime(next))
        {
            next = next.AddHours(1); // the time does not exist on a spring-forward day: run at the first time that does
        }

        var nextUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(next, DateTimeKind.Unspecified), zone);
        return now.Kind == DateTimeKind.Utc ? nextUtc : nextUtc.ToLocalTime();
    }

    public override string ToString() => _settings?.Text ?? "monthly scorecard schedule (not configured)";
}
