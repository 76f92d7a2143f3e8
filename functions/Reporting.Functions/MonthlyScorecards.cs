using Microsoft.Azure.Functions.Worker;
using Reporting.Application;

namespace Reporting.Functions;

/// <summary>
/// Asks, on a frequent UTC schedule, whether a month is due (06:00 in the strategy's zone on the day after its deadline) or
/// stale and not yet rendered, and renders it. The question is idempotent, so a missed, late or doubled run renders once;
/// a failed run throws (the run log shows it) and the next run asks again, as a failed timer run is not retried.
/// </summary>
public sealed class MonthlyScorecards(MonthlyRun run)
{
    [Function(nameof(MonthlyScorecards))]
    public Task RunAsync([TimerTrigger("%" + FunctionSettings.MonthlyCheckSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        run.RunAsync(cancellationToken);
}
