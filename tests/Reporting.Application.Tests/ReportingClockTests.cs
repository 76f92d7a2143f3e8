using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Testing;

namespace Reporting.Application.Tests;

public sealed class ReportingClockTests
{
    private static IConfiguration Settings(string? now) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ReportingClock.NowKey] = now }).Build();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void FromConfiguration_NoInstant_IsTheSystemClock(string? now)
    {
        Assert.Same(TimeProvider.System, ReportingClock.FromConfiguration(Settings(now)));
    }

    [Theory]
    [InlineData("2026-11-10T09:00:00Z")]
    [InlineData("2026-11-10T10:00:00+01:00")]
    [InlineData("2026-11-10 09:00:00")] // no offset: UTC
    public void FromConfiguration_Instant_StartsThere(string now)
    {
        var clock = ReportingClock.FromConfiguration(Settings(now));

        Assert.InRange(clock.GetUtcNow() - TestClock.Now, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }

    [Fact]
    public void StartingAt_AdvancesWithItsTimeSource()
    {
        var source = new FakeTimeProvider(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = ReportingClock.StartingAt(TestClock.Now, source);

        Assert.Equal(TestClock.Now, clock.GetUtcNow());
        source.Advance(TimeSpan.FromDays(25));
        Assert.Equal(TestClock.Now.AddDays(25), clock.GetUtcNow());
        Assert.Equal(new Period(2026, 12), clock.CurrentPeriod(Organisation(TimeZoneInfo.Utc)));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("10/11/2026 25:00")]
    public void FromConfiguration_NotAnInstant_SaysHowToWriteIt(string now)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReportingClock.FromConfiguration(Settings(now)));

        Assert.Contains("Reporting:Now", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-11-10T09:00:00Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddReportingClock_ReplacesTheClockTheHostRegistered()
    {
        using var services = new ServiceCollection()
            .AddReportingApplication(Settings(null))
            .AddReportingClock(Settings(TestClock.NowText))
            .BuildServiceProvider();

        Assert.Equal(TestClock.CurrentPeriod, services.GetRequiredService<TimeProvider>().CurrentPeriod(Organisation(TimeZoneInfo.Utc)));
        Assert.Single(services.GetServices<TimeProvider>());
    }

    [Theory]
    [InlineData("UTC", 2026, 11)]
    [InlineData("Asia/Tokyo", 2026, 12)]        // already 1 December, 07:30
    [InlineData("America/New_York", 2026, 11)]  // still 30 November, 17:30
    public void CurrentPeriod_IsTheMonthInProgressInTheOrganisationsZone(string zone, int year, int month)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(2))); // 30 November, 22:30 UTC

        Assert.Equal(new Period(year, month), clock.CurrentPeriod(Organisation(TimeZoneInfo.FindSystemTimeZoneById(zone))));
    }

    private static Reporting.Core.Strategy.EngagementStrategy Organisation(TimeZoneInfo zone) => new("Org", "1", [], Zone: zone);
}
