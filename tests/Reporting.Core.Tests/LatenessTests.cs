using System.Globalization;
using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Testing;

namespace Reporting.Core.Tests;

/// <summary>An upload is on time when its received instant, on the organisation's calendar, falls on or before the deadline day.</summary>
public sealed class LatenessTests
{
    private static readonly Period October = new(2026, 10);

    private static EngagementStrategy Strategy(string? zone, int deadline = 5) =>
        new("Org", "1", [new Department("sales", "Sales", "", [new KpiBuilder("reach").TargetFrom("2026-01", 1000)])], deadline,
            Zone: zone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zone));

    private static (DateOnly? ReceivedOn, bool IsLate) Judge(EngagementStrategy strategy, string received)
    {
        var at = DateTimeOffset.Parse(received, CultureInfo.InvariantCulture);
        var sales = ScorecardBuilder.Build(strategy, October, [new KpiFigure("sales", October, "reach", 1200, null)],
            new Dictionary<string, DateTimeOffset> { ["sales"] = at }).Departments[0];
        return (sales.ReceivedOn, sales.IsLate);
    }

    [Theory]
    // 20:00 on 5 November in New York is 01:00 on the 6th in UTC: on time there.
    [InlineData("America/New_York", 5, "2026-11-06T01:00:00Z", "2026-11-05", false)]
    // 00:30 local on the 6th (EST, UTC-5) is late.
    [InlineData("America/New_York", 5, "2026-11-06T05:30:00Z", "2026-11-06", true)]
    // The last minute of the deadline day is on time; the first of the next is not.
    [InlineData("America/New_York", 5, "2026-11-06T04:59:59Z", "2026-11-05", false)]
    [InlineData("America/New_York", 5, "2026-11-06T05:00:00Z", "2026-11-06", true)]
    // Ahead of UTC: 00:30 on the 6th in Tokyo is still the 5th in UTC, and late.
    [InlineData("Asia/Tokyo", 5, "2026-11-05T15:30:00Z", "2026-11-06", true)]
    [InlineData("Asia/Tokyo", 5, "2026-11-05T14:59:00Z", "2026-11-05", false)]
    // Deadline 1 November, the day New York's clocks go back (02:00 EDT -> 01:00 EST): 23:30 on the 1st is 04:30Z on the 2nd
    // in EST; taken with the summer offset (UTC-4) it would be 00:30 on the 2nd, late. It is on time.
    [InlineData("America/New_York", 1, "2026-11-02T04:30:00Z", "2026-11-01", false)]
    [InlineData("America/New_York", 1, "2026-11-02T05:30:00Z", "2026-11-02", true)]
    // No zone in the strategy: UTC.
    [InlineData(null, 5, "2026-11-05T23:59:59Z", "2026-11-05", false)]
    [InlineData(null, 5, "2026-11-06T00:00:00Z", "2026-11-06", true)]
    public void Build_ReceivedInstant_IsJudgedOnTheDeadlineDayInTheStrategysZone(string? zone, int deadline, string received, string localDay, bool late)
    {
        var (receivedOn, isLate) = Judge(Strategy(zone, deadline), received);

        Assert.Equal(DateOnly.Parse(localDay, CultureInfo.InvariantCulture), receivedOn);
        Assert.Equal(late, isLate);
    }

    [Fact]
    public void Build_TheScorecard_CarriesTheDeadlineDayAndItsZone()
    {
        var scorecard = ScorecardBuilder.Build(Strategy("Europe/London"), October, []);

        Assert.Equal(new DateOnly(2026, 11, 5), scorecard.SubmissionDeadline);
        Assert.Equal("Europe/London", scorecard.TimeZone);
        Assert.Equal("UTC", ScorecardBuilder.Build(Strategy(null), October, []).TimeZone);
    }

    [Theory]
    [InlineData("2026-12-06", 5, "2026-11")] // the day after the deadline: last month is past it
    [InlineData("2026-12-05", 5, "2026-10")] // the deadline day itself: November's figures may still come today
    [InlineData("2027-03-01", 28, "2027-01")] // February's deadline (28 March) is weeks away; January's (28 February) has passed
    [InlineData("2026-01-20", 5, "2025-12")]
    public void LatestMonthPastDeadline_IsLastMonthOnlyOnceItsDeadlineDayHasEnded(string day, int deadline, string expected)
    {
        var period = Strategy(null, deadline).LatestMonthPastDeadline(DateOnly.Parse(day, CultureInfo.InvariantCulture));

        Assert.Equal(expected, period.ToString());
    }
}
