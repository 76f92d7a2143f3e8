using System.Globalization;
using Reporting.Core.Periods;

namespace Reporting.Application.Pages;

/// <summary>
/// The month a department's page asks for: last month until its deadline day has ended in the organisation's zone,
/// then the current month (due by the deadline day of the next).
/// </summary>
public sealed record DueMonth(Period Period, DateOnly Deadline, TimeZoneInfo Zone)
{
    public static DueMonth On(DateTimeOffset now, int deadlineDay, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var previous = Period.FromDate(today).Previous();
        var period = today <= DeadlineOf(previous, deadlineDay) ? previous : previous.Next();
        return new DueMonth(period, DeadlineOf(period, deadlineDay), zone);
    }

    /// <summary>The deadline as people read it: "5 December 2026, end of the day (Europe/London)".</summary>
    public string DeadlineText => string.Create(CultureInfo.InvariantCulture, $"{Deadline:d MMMM yyyy}, end of the day ({ZoneName})");

    /// <summary>The zone's IANA id where there is one (what the strategy and host.json name), else its own id.</summary>
    public string ZoneName => Zone == TimeZoneInfo.Utc ? "UTC" : TimeZoneInfo.TryConvertWindowsIdToIanaId(Zone.Id, out var iana) ? iana : Zone.Id;

    private static DateOnly DeadlineOf(Period period, int day)
    {
        var next = period.Next();
        return new DateOnly(next.Year, next.Month, Math.Min(day, DateTime.DaysInMonth(next.Year, next.Month)));
    }
}
