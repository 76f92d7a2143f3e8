using Reporting.Storage.Blobs;

namespace Reporting.Application;

/// <summary>When the monthly scorecards are rendered: app settings <c>extensions:monthlyScorecards:*</c> (<c>extensions__monthlyScorecards__*</c>).</summary>
public sealed class MonthlyScorecardOptions
{
    public const string Section = "extensions:monthlyScorecards";

    /// <summary>The local time, in the strategy's zone, on the day after the deadline, from which a month is due.</summary>
    public TimeOnly DueTime { get; set; } = new(6, 0);

    /// <summary>Whether months that received accepted submissions after their latest render are rendered again.</summary>
    public bool RerenderStale { get; set; } = true;

    /// <summary>
    /// A stale month is rendered again at most once in this interval, counted from its latest render: however many late
    /// uploads mark it stale meanwhile, they go into one render. Zero: at the next check.
    /// </summary>
    public TimeSpan RerenderInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The earliest a stale month may be rendered again: its latest render plus <see cref="RerenderInterval"/>.</summary>
    public DateTimeOffset NextRerender(IndexedPeriod entry) => (entry.LatestRenderedUtc ?? DateTimeOffset.MinValue) + RerenderInterval;

    /// <summary>A run not finished after this long counts as interrupted (its host was stopped or killed).</summary>
    public TimeSpan MaxRunDuration { get; set; } = TimeSpan.FromMinutes(15);
}
