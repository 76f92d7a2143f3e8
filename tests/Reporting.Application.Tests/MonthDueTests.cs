using System.Globalization;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Application.Tests;

public sealed class MonthDueTests
{
    private static readonly TimeOnly SixAm = new(6, 0);

    private static EngagementStrategy Strategy(int deadline, string zone) =>
        new("Org", "1", [], deadline, Zone: TimeZoneInfo.FindSystemTimeZoneById(zone));

    [Theory]
    // Due from 06:00 local on the day after the deadline day; a second before, the month before is the latest due.
    [InlineData(5, "Europe/London", "2026-11-06T05:59:59Z", "2026-09")] // winter: UTC+0
    [InlineData(5, "Europe/London", "2026-11-06T06:00:00Z", "2026-10")]
    [InlineData(5, "Europe/London", "2026-06-06T04:59:59Z", "2026-04")] // summer: UTC+1
    [InlineData(5, "Europe/London", "2026-06-06T05:00:00Z", "2026-05")]
    [InlineData(10, "Asia/Tokyo", "2026-12-10T20:59:59Z", "2026-10")]   // the 11th 06:00 JST is 21:00 UTC the day before
    [InlineData(10, "Asia/Tokyo", "2026-12-10T21:00:00Z", "2026-11")]
    [InlineData(5, "America/New_York", "2026-11-06T10:59:59Z", "2026-09")]
    [InlineData(5, "America/New_York", "2026-11-06T11:00:00Z", "2026-10")]
    [InlineData(28, "UTC", "2027-03-01T06:00:00Z", "2027-01")]         // January's deadline is 28 February: due on 1 March
    public void DueMonth_IsDecidedInTheStrategysZone_FromAUtcInstant(int deadline, string zone, string now, string expected)
    {
        var due = MonthlyRun.DueMonth(Strategy(deadline, zone), DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), SixAm);

        Assert.Equal(Period.Parse(expected), due);
    }
}
