using System.Globalization;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Application.Pages;

/// <summary>
/// The month a department's page asks for: last month, the latest that has ended in the organisation's zone (the month
/// in progress cannot be submitted yet), due by the strategy's deadline day of this month; after that day it is late
/// but still taken, and the page says so.
/// </summary>
public sealed record DueMonth(Period Period, DateOnly Deadline, bool DeadlinePassed, TimeZoneInfo Zone)
{
    public static DueMonth On(DateTimeOffset now, EngagementStrategy strategy)
    {
        var today = strategy.LocalDate(now);
        var period = Period.FromDate(today).Previous();
        var deadline = strategy.DeadlineFor(period);
        return new DueMonth(period, deadline, today > deadline, strategy.TimeZone);
    }

    /// <summary>The deadline as people read it: "5 November 2026, end of the day (Europe/London)".</summary>
    public string DeadlineText => string.Create(CultureInfo.InvariantCulture, $"{Deadline:d MMMM yyyy}, end of the day ({ZoneName})");

    /// <summary>The zone's IANA id where there is one (what the strategy names), else its own id.</summary>
    public string ZoneName => Zone == TimeZoneInfo.Utc ? "UTC" : TimeZoneInfo.TryConvertWindowsIdToIanaId(Zone.Id, out var iana) ? iana : Zone.Id;
}
