namespace Reporting.Functions.Scheduling;

/// <summary>When the monthly scorecards are rendered: host.json <c>extensions.monthlyScorecards</c>.</summary>
public sealed class MonthlyScorecardOptions
{
    public const string Section = "extensions:monthlyScorecards";

    /// <summary>A six-field cron expression (seconds first). Default: 06:00 on the 6th, the day after the submission deadline.</summary>
    public string Schedule { get; set; } = "0 0 6 6 * *";

    /// <summary>An IANA or Windows time zone id, for example Europe/London. Default UTC.</summary>
    public string TimeZone { get; set; } = "UTC";

    public TimeZoneInfo ResolveTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone)
            ? zone
            : throw new InvalidOperationException($"extensions.monthlyScorecards.timeZone '{TimeZone}' is not a known time zone; use an id such as Europe/London or UTC.");
}
