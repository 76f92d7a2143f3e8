using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
public sealed partial class MonthlyRun(
    StrategySource strategies,
    ScorecardPublisher publisher,
    ScorecardIndexStore index,
    IOptions<MonthlyScorecardOptions> options,
    TimeProvider clock,
    ILogger<MonthlyRun> logger)
{
    /// <summary>Renders the month due now if it never was, then the stale months; returns the months rendered.</summary>
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
        foreach (var period in await index.ListStaleAsync(cancellationToken))
        {
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

    [LoggerMessage(Level = LogLevel.Information, Message = "No strategy is in force; no month is due")]
    private static partial void LogNoStrategy(ILogger logger);
}
