using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reporting.Core.Periods;

namespace Reporting.Application;

/// <summary>
/// The one clock of the host and the CLI, registered as <see cref="TimeProvider"/>. It is the system clock unless the
/// <c>Reporting:Now</c> setting (environment <c>Reporting__Now</c>) names an instant: then the clock starts there when
/// the process starts and advances with real time. A testing and demo aid, so that runs do not depend on today's date;
/// timers, delays and durations are unaffected, and storage still checks SAS links against its own clock.
/// </summary>
public static class ReportingClock
{
    public const string NowKey = "Reporting:Now";

    /// <summary>The system clock, or one starting at <c>Reporting:Now</c> when it is set (an empty value means unset).</summary>
    public static TimeProvider FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[NowKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeProvider.System;
        }

        if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            throw new InvalidOperationException(
                $"{NowKey} is '{text}', which is not an instant; write it as ISO 8601, for example 2026-11-10T09:00:00Z (UTC when no offset is given), or leave it empty for the system clock.");
        }

        return StartingAt(start);
    }

    /// <summary>A clock that reads <paramref name="start"/> now and advances with <paramref name="timeSource"/> (default: real time).</summary>
    public static TimeProvider StartingAt(DateTimeOffset start, TimeProvider? timeSource = null) => new StartingAtClock(start, timeSource ?? TimeProvider.System);

    /// <summary>Registers the configured clock as the only <see cref="TimeProvider"/>, replacing any registered before.</summary>
    public static IServiceCollection AddReportingClock(this IServiceCollection services, IConfiguration configuration) =>
        services.AddReportingClock(FromConfiguration(configuration));

    /// <summary>Registers <paramref name="clock"/> as the only <see cref="TimeProvider"/>, replacing any registered before.</summary>
    public static IServiceCollection AddReportingClock(this IServiceCollection services, TimeProvider clock)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton(clock);
        return services;
    }

    /// <summary>The month in progress by <paramref name="clock"/> in the organisation's zone: later periods cannot be submitted yet.</summary>
    public static Period CurrentPeriod(this TimeProvider clock, Reporting.Core.Strategy.EngagementStrategy strategy) => Period.FromDate(strategy.LocalDate(clock.GetUtcNow()));

    private sealed class StartingAtClock : TimeProvider
    {
        private readonly DateTimeOffset _start;
        private readonly TimeProvider _source;
        private readonly long _started;

        public StartingAtClock(DateTimeOffset start, TimeProvider source)
        {
            _start = start.ToUniversalTime();
            _source = source;
            _started = source.GetTimestamp();
        }

        public override DateTimeOffset GetUtcNow() => _start + _source.GetElapsedTime(_started);

        public override TimeZoneInfo LocalTimeZone => _source.LocalTimeZone;

        public override long TimestampFrequency => _source.TimestampFrequency;

        public override long GetTimestamp() => _source.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            _source.CreateTimer(callback, state, dueTime, period);

        public override string ToString() => $"clock starting at {_start:O}";
    }
}
