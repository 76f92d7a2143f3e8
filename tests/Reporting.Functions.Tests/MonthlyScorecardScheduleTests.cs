using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Reporting.Application;
using Reporting.Functions.Functions;
using Reporting.Functions.Scheduling;

namespace Reporting.Functions.Tests;

public sealed class MonthlyScorecardScheduleTests
{
    private static MonthlyScorecardSchedule Schedule(string cron, string zone) =>
        new(Options.Create(new MonthlyScorecardOptions { Schedule = cron, TimeZone = zone }));

    [Theory]
    // London in winter is UTC+0, in summer UTC+1
    [InlineData("Europe/London", "2026-11-22T10:00:00Z", "2026-12-06T06:00:00Z")]
    [InlineData("Europe/London", "2026-06-01T00:00:00Z", "2026-06-06T05:00:00Z")]
    [InlineData("America/New_York", "2026-11-22T10:00:00Z", "2026-12-06T11:00:00Z")]
    [InlineData("UTC", "2026-12-06T06:00:00Z", "2027-01-06T06:00:00Z")]
    public void GetNextOccurrence_CronInTheConfiguredZone_GivesTheUtcInstant(string zone, string now, string expected)
    {
        var next = Schedule("0 0 6 6 * *", zone).GetNextOccurrence(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), next);
        Assert.Equal(TimeSpan.Zero, next.Offset);
    }

    [Fact]
    public void GetNextOccurrence_TimeSkippedBySpringForward_RunsAtTheNextTimeThatExists()
    {
        // 29 March 2026, 01:30 does not exist in London (clocks go from 01:00 to 02:00).
        var next = Schedule("0 30 1 29 3 *", "Europe/London").GetNextOccurrence(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), next);
    }

    [Theory]
    [InlineData("0 0 6 6 *", "UTC", "is not a six-field cron expression")]
    [InlineData("0 0 6 6 * *", "Mars/Olympus", "is not a known time zone")]
    public void Configure_BadSettings_SaysWhatIsWrong(string schedule, string zone, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Schedule(schedule, zone));
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("2026-11-06T05:30:00Z", "Europe/London", "2026-10")]
    [InlineData("2026-01-01T00:30:00Z", "Europe/London", "2025-12")]
    [InlineData("2026-01-01T00:30:00Z", "America/New_York", "2025-11")] // still 31 December in New York
    public void PreviousMonth_IsTakenInTheScheduleTimeZone(string now, string zone, string expected)
    {
        var function = new MonthlyScorecards(null!, null!, Options.Create(new MonthlyScorecardOptions { TimeZone = zone }), new FakeTimeProvider(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture)));

        Assert.Equal(expected, function.PreviousMonth().ToString());
    }

}
