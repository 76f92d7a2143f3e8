using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Reporting.Application;
using Reporting.Core.Periods;

namespace Reporting.Testing;

/// <summary>
/// The "now" of every test that needs one, so no test depends on the machine's date: 10 November 2026, 09:00 UTC.
/// October 2026 is last month, and the sample year (2025-11 to 2026-10) is inside the 24-month submission window.
/// In-process code gets <see cref="Fake"/>; the host and the CLI (in process or as processes) get <see cref="Settings"/>,
/// the <c>Reporting:Now</c> setting (environment <c>Reporting__Now</c>) that starts their clock at this instant.
/// </summary>
public static class TestClock
{
    public const string NowText = "2026-11-10T09:00:00Z";

    /// <summary>The setting the host and the CLI read their clock from (ReportingClock.NowKey).</summary>
    public const string Key = "Reporting:Now";

    public static DateTimeOffset Now { get; } = DateTimeOffset.Parse(NowText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    /// <summary>The month in progress: November 2026.</summary>
    public static Period CurrentPeriod => Period.FromDate(DateOnly.FromDateTime(Now.UtcDateTime));

    /// <summary>The month the scorecards are due for: October 2026.</summary>
    public static Period LastMonth => CurrentPeriod.Previous();

    /// <summary>A clock standing at <see cref="Now"/> that moves only when the test advances it.</summary>
    public static FakeTimeProvider Fake() => new(Now);

    /// <summary><see cref="Key"/> set to <see cref="NowText"/>, to merge into a host's or the CLI's settings.</summary>
    public static Dictionary<string, string?> Settings() => new() { [Key] = NowText };
}
