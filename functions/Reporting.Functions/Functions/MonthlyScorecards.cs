using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Functions.Pipeline;
using Reporting.Functions.Scheduling;

namespace Reporting.Functions.Functions;

/// <summary>Renders the previous month's scorecards on the monthly schedule, or any period on demand.</summary>
public sealed class MonthlyScorecards(ScorecardPublisher publisher, IOptions<MonthlyScorecardOptions> options, TimeProvider clock)
{
    public const string OnDemand = "RenderScorecards";

    [FunctionName(nameof(MonthlyScorecards))]
    public Task RunAsync([TimerTrigger(typeof(MonthlyScorecardSchedule))] TimerInfo timer, CancellationToken cancellationToken) =>
        publisher.PublishAsync(PreviousMonth(), cancellationToken);

    /// <summary>Called by the CLI and the demo through the host (<c>IJobHost.CallAsync</c>), with <c>period</c> as YYYY-MM.</summary>
    [FunctionName(OnDemand)]
    [NoAutomaticTrigger]
    public Task RenderAsync(string period, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Period.Parse(period), cancellationToken);

    /// <summary>The month before today in the schedule's time zone.</summary>
    public Period PreviousMonth()
    {
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.Value.ResolveTimeZone());
        return Period.FromDate(DateOnly.FromDateTime(today.DateTime)).Previous();
    }
}
