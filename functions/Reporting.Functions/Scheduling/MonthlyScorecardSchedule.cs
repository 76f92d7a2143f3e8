using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCrontab;
using Reporting.Application;
using Reporting.Core.Strategy;
using Reporting.Functions.ScheduleTrigger;

namespace Reporting.Functions.Scheduling;

/// <summary>
/// The monthly timer's schedule, in the strategy's time zone (so "06:00" means 06:00 in the organisation's office whatever
/// zone the host runs in): by default 06:00 on the day after the strategy's submission deadline (deadline 5: the 6th), or the
/// cron expression in host.json <c>extensions.monthlyScorecards.schedule</c> when one is set. The strategy is read from storage
/// on each question, so a new deadline or zone moves the next run; listeners ask again every <see cref="ReplanInterval"/>.
/// </summary>
public sealed partial class MonthlyScorecardSchedule : ISchedule
{
    /// <summary>The local time of the default run, on the day after the deadline day.</summary>
    public static readonly TimeOnly DefaultRunTime = new(6, 0);

    // Before any strategy is uploaded the run follows the strategy defaults (day 5, UTC); the run itself then says none is in force.
    private static readonly EngagementStrategy NoStrategy = new("", "", []);

    private readonly StrategySource _strategies;
    private readonly ILogger<MonthlyScorecardSchedule> _logger;
    private readonly (CrontabSchedule Cron, string Text)? _override;
    private EngagementStrategy? _lastRead;

    public MonthlyScorecardSchedule(StrategySource strategies, IOptions<MonthlyScorecardOptions> options, ILogger<MonthlyScorecardSchedule> logger)
    {
        _strategies = strategies;
        _logger = logger;
        _override = ParseOverride(options.Value.Schedule);
        if (!string.IsNullOrWhiteSpace(options.Value.TimeZone))
        {
            LogRetiredTimeZone(logger, options.Value.TimeZone);
        }
    }

    /// <summary>The strategy (and so the deadline and zone) is read again this often while a listener waits.</summary>
    public TimeSpan? ReplanInterval => TimeSpan.FromMinutes(10);

    public async Task<DateTimeOffset> GetNextOccurrenceAsync(DateTimeOffset after, CancellationToken cancellationToken) =>
        NextOccurrence(await StrategyAsync(cancellationToken), _override?.Cron, after);

    /// <summary>The first run strictly after <paramref name="after"/> for this strategy: <paramref name="cron"/> when given, else the day after the deadline at 06:00, both in the strategy's zone.</summary>
    public static DateTimeOffset NextOccurrence(EngagementStrategy strategy, CrontabSchedule? cron, DateTimeOffset after)
    {
        var zone = strategy.TimeZone;
        if (cron is not null)
        {
            return ToUtc(cron.GetNextOccurrence(TimeZoneInfo.ConvertTimeFromUtc(after.UtcDateTime, zone)), zone);
        }

        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(after.UtcDateTime, zone));
        for (var month = new DateOnly(local.Year, local.Month, 1); ; month = month.AddMonths(1))
        {
            // The day after day 28 may be the 1st of the next month (February); the run still renders the month then due.
            var runDay = new DateOnly(month.Year, month.Month, strategy.SubmissionDeadlineDay).AddDays(1);
            var run = ToUtc(runDay.ToDateTime(DefaultRunTime), zone);
            if (run > after)
            {
                return run;
            }
        }
    }

    public override string ToString()
    {
        var strategy = _lastRead ?? NoStrategy;
        return _override is { } cron
            ? $"{cron.Text} ({strategy.TimeZone.Id})"
            : $"06:00 on the day after the deadline, day {strategy.SubmissionDeadlineDay} ({strategy.TimeZone.Id})";
    }

    private async Task<EngagementStrategy> StrategyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var strategy = await _strategies.TryGetAsync(cancellationToken) ?? NoStrategy;
            _lastRead = strategy;
            return strategy;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && _lastRead is { } last) // a storage timeout is a failure too, not a stop
        {
            LogStrategyUnreadable(_logger, ex, last.SubmissionDeadlineDay, last.TimeZone.Id);
            return last;
        }
    }

    // A local time skipped by a spring-forward runs at the first time that exists; a repeated one at its first (summer) instance.
    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var time = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(time))
        {
            time = time.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(time) ? zone.GetAmbiguousTimeOffsets(time).Max() : zone.GetUtcOffset(time);
        return new DateTimeOffset(time, offset).ToUniversalTime();
    }

    private static (CrontabSchedule, string)? ParseOverride(string? schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule))
        {
            return null;
        }

        var cron = CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException(
                $"extensions.monthlyScorecards.schedule '{schedule}' is not a six-field cron expression (second minute hour day month weekday), for example 0 0 6 6 * *; " +
                "leave it unset to run at 06:00 on the day after the strategy's deadline.");
        return (cron, schedule);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "extensions.monthlyScorecards.timeZone ({Zone}) is no longer read: the organisation's zone is the strategy's timeZone (docs/strategy-format.md); remove the setting")]
    private static partial void LogRetiredTimeZone(ILogger logger, string zone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The strategy could not be read for the monthly schedule; keeping to the last one read (deadline day {Day}, {Zone})")]
    private static partial void LogStrategyUnreadable(ILogger logger, Exception exception, int day, string zone);
}
