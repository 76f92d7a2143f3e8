namespace Reporting.Application;

/// <summary>When the monthly scorecards are rendered: host.json <c>extensions.monthlyScorecards</c>.</summary>
public sealed class MonthlyScorecardOptions
{
    public const string Section = "extensions:monthlyScorecards";
    public const string StaleCheckScheduleKey = Section + ":staleCheckSchedule";

    /// <summary>A six-field cron expression (seconds first). Default: 06:00 on the 6th, the day after the submission deadline.</summary>
    public string Schedule { get; set; } = "0 0 6 6 * *";

    /// <summary>An IANA or Windows time zone id, for example Europe/London. Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Whether months that received accepted submissions after their latest render are rendered again.</summary>
    public bool RerenderStale { get; set; } = true;

    /// <summary>How often to look for stale months (six-field cron, in UTC). Default every ten minutes.</summary>
    public string StaleCheckSchedule { get; set; } = "0 */10 * * * *";

    /// <summary>A run not finished after this long counts as interrupted (its host was stopped or killed).</summary>
    public TimeSpan MaxRunDuration { get; set; } = TimeSpan.FromMinutes(15);

    public TimeZoneInfo ResolveTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone)
            ? zone
            : throw new InvalidOperationException($"extensions.monthlyScorecards.timeZone '{TimeZone}' is not a known time zone; use an id such as Europe/London or UTC.");
}
