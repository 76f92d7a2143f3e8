using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Application.Mail;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Storage.Blobs;

namespace Reporting.Application;

/// <summary>
/// The one question the monthly timer asks, as often as it likes: is a month due and not yet rendered, or stale? A month is
/// due from <see cref="MonthlyScorecardOptions.DueTime"/> (06:00) in the strategy's zone on the day after its deadline, so the
/// timer's schedule is plain UTC and nothing is computed from the strategy into a cron expression. The answer is read from
/// the scorecard index under the month's render lock, so a missed, late or doubled run renders a due month exactly once.
/// </summary>
/// <remarks>
/// A stale month is rendered again at most once per <see cref="MonthlyScorecardOptions.RerenderInterval"/>; and updates held
/// back by <see cref="Reporting.Delivery.MailOptions.UpdateInterval"/> are mailed once it has passed (<see cref="HeldUpdateMail"/>).
/// </remarks>
public sealed partial class MonthlyRun(
    StrategySource strategies,
    ScorecardPublisher publisher,
    ScorecardIndexStore index,
    HeldUpdateMail heldMail,
    IOptions<MonthlyScorecardOptions> options,
    TimeProvider clock,
    ILogger<MonthlyRun> logger)
{
    /// <summary>Renders the month due now if it never was, then the stale months, then mails held updates that are due; returns the months rendered.</summary>
    public async Task<IReadOnlyList<Period>> RunAsync(CancellationToken cancellationToken)
    {
        var rendered = new List<Period>();
        if (await strategies.TryGetAsync(cancellationToken) is not { } strategy)
        {
            LogNoStrategy(logger);
            return rendered;
        }

        var due = DueMonth(strategy, clock.GetUtcNow(), options.Value.DueTime);
        if (await publisher.PublishUnlessRenderedAsync(due, "timer", cancellationToken) is not null)
        {
            rendered.Add(due);
        }

        if (options.Value.RerenderStale)
        {
            rendered.AddRange(await RerenderStaleAsync(cancellationToken));
        }

        await heldMail.SendDueAsync(cancellationToken);
        return rendered;
    }

    /// <summary>
    /// The latest month due at <paramref name="now"/>: the one whose deadline day ended before <paramref name="dueTime"/>
    /// today (local), so at 05:59 on the 6th (deadline 5) it is still the month before.
    /// </summary>
    public static Period DueMonth(EngagementStrategy strategy, DateTimeOffset now, TimeOnly dueTime) =>
        strategy.LatestMonthPastDeadline(strategy.LocalDate(now - dueTime.ToTimeSpan()));

    // One month failing does not stop the others; the failures are reported together (each is in the run log).
    private async Task<IReadOnlyList<Period>> RerenderStaleAsync(CancellationToken cancellationToken)
    {
        var rendered = new List<Period>();
        var failures = new List<Exception>();
        var now = clock.GetUtcNow();
        foreach (var entry in (await index.ReadAsync(cancellationToken)).Periods.Where(p => p.Stale))
        {
            var period = Period.Parse(entry.Period);
            if (options.Value.NextRerender(entry) > now)
            {
                LogRerenderHeld(logger, entry.Period, options.Value.NextRerender(entry));
                continue;
            }

            try
            {
                if (await publisher.PublishIfStaleAsync(period, cancellationToken) is not null)
                {
                    rendered.Add(period);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} stale month(s) could not be rendered again", failures);
        }

        return rendered;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The scorecards of {Period} are stale; rendered again after {NextUtc:u} (extensions:monthlyScorecards:rerenderInterval after the latest render)")]
    private static partial void LogRerenderHeld(ILogger logger, string period, DateTimeOffset nextUtc);

    [LoggerMessage(Level = LogLevel.Information, Message = "No strategy is in force; no month is due")]
    private static partial void LogNoStrategy(ILogger logger);
}
