using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Options;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Functions.ScheduleTrigger;
using Reporting.Functions.Scheduling;
using Reporting.Storage.Blobs;

namespace Reporting.Functions.Functions;

/// <summary>
/// Renders the latest month past its deadline on the monthly schedule (once across hosts: the schedule's listener holds a blob lease;
/// a run missed while no host was up fires once, as "timer (catch-up)", when one is back), re-renders stale months, and renders any month on demand.
/// A failed run throws, so the host retries it and the run log shows the failure; it never reports success.
/// </summary>
public sealed class MonthlyScorecards(ScorecardPublisher publisher, ScorecardIndexStore index, StrategySource strategies, IOptions<MonthlyScorecardOptions> options)
{
    public const string OnDemand = "RenderScorecards";

    [FunctionName(nameof(MonthlyScorecards))]
    [ExponentialBackoffRetry(4, "00:00:30", "00:10:00")]
    public async Task RunAsync([ScheduleTrigger(typeof(MonthlyScorecardSchedule))] ScheduleInfo schedule, CancellationToken cancellationToken) =>
        await publisher.PublishAsync(
            await PeriodDueAsync(schedule.ScheduledUtc, cancellationToken), schedule.IsPastDue ? "timer (catch-up)" : "timer", cancellationToken);

    /// <summary>
    /// Re-renders the months that received accepted submissions after their latest render. One month failing does not stop
    /// the others; the failures are reported together at the end (each is in the run log), so the host retries.
    /// </summary>
    [FunctionName("RerenderStaleScorecards")]
    public async Task RerenderStaleAsync([ScheduleTrigger("%" + MonthlyScorecardOptions.StaleCheckScheduleKey + "%")] ScheduleInfo schedule, CancellationToken cancellationToken)
    {
        if (!options.Value.RerenderStale)
        {
            return;
        }

        var failures = new List<Exception>();
        foreach (var period in await index.ListStaleAsync(cancellationToken))
        {
            try
            {
                await publisher.PublishAsync(period, "stale", cancellationToken);
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
    }

    /// <summary>Called by the CLI and the demo through the host (<c>IJobHost.CallAsync</c>), with <c>period</c> as YYYY-MM.</summary>
    [FunctionName(OnDemand)]
    [NoAutomaticTrigger]
    public Task RenderAsync(string period, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Period.Parse(period), "on demand", cancellationToken);

    /// <summary>
    /// The month an occurrence renders: the latest whose deadline had passed at the time it was scheduled, in the strategy's zone.
    /// Taken from the occurrence, not the clock, so a run caught up days later renders the month it was meant for.
    /// </summary>
    public async Task<Period> PeriodDueAsync(DateTimeOffset scheduledUtc, CancellationToken cancellationToken)
    {
        var strategy = await strategies.GetAsync(cancellationToken);
        return strategy.LatestMonthPastDeadline(strategy.LocalDate(scheduledUtc));
    }
}
