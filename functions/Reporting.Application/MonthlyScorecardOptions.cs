namespace Reporting.Application;

/// <summary>When the monthly scorecards are rendered: host.json <c>extensions.monthlyScorecards</c>.</summary>
public sealed class MonthlyScorecardOptions
{
    public const string Section = "extensions:monthlyScorecards";
    public const string StaleCheckScheduleKey = Section + ":staleCheckSchedule";

    /// <summary>
    /// A six-field cron expression (seconds first) evaluated in the strategy's time zone, overriding the default: 06:00 on the
    /// day after the strategy's submission deadline. Unset (the default) follows the strategy, so a new deadline moves the run.
    /// </summary>
    public string? Schedule { get; set; }

    /// <summary>
    /// Retired: the organisation's zone is the strategy's <c>timeZone</c>, so lateness, reminders and the monthly run agree.
    /// Read only to warn a host still configured with it that it is ignored.
    /// </summary>
    public string? TimeZone { get; set; }

    /// <summary>Whether months that received accepted submissions after their latest render are rendered again.</summary>
    public bool RerenderStale { get; set; } = true;

    /// <summary>How often to look for stale months (six-field cron, in UTC). Default every ten minutes.</summary>
    public string StaleCheckSchedule { get; set; } = "0 */10 * * * *";

    /// <summary>A run not finished after this long counts as interrupted (its host was stopped or killed).</summary>
    public TimeSpan MaxRunDuration { get; set; } = TimeSpan.FromMinutes(15);
}
