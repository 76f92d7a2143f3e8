using Reporting.Core.Periods;

namespace Reporting.Core.Strategy;

/// <summary>
/// The organisation's digital-engagement strategy: its departments, KPIs and targets, and who is told:
/// <see cref="Recipients"/> (the leadership list and the admins; owners' addresses are on the departments).
/// Days (the deadline, lateness, reminders, the monthly run) are counted in <see cref="TimeZone"/>, the organisation's zone.
/// </summary>
public sealed record EngagementStrategy(
    string Organisation,
    string Version,
    IReadOnlyList<Department> Departments,
    int SubmissionDeadlineDay = 5,
    StrategyRecipients? Recipients = null,
    TimeZoneInfo? Zone = null)
{
    /// <summary>The leadership and admin lists, empty when the file names none.</summary>
    public StrategyRecipients Mail => Recipients ?? StrategyRecipients.None;

    /// <summary>The organisation's time zone (<c>timeZone:</c>); UTC when the file names none.</summary>
    public TimeZoneInfo TimeZone => Zone ?? TimeZoneInfo.Utc;

    private readonly IdIndex<Department> _departments = new(d => d.Id);

    public Department? FindDepartment(string departmentId) => _departments.Find(Departments, departmentId);

    /// <summary>The last day (in <see cref="TimeZone"/>, to its end) to submit a month's figures: day N of the next month.</summary>
    public DateOnly DeadlineFor(Period period) => new(period.Next().Year, period.Next().Month, SubmissionDeadlineDay);

    /// <summary>The organisation's calendar day at <paramref name="instant"/>: what "the 5th" means to its people.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    /// <summary>Whether figures for <paramref name="period"/> received at <paramref name="receivedUtc"/> (the storage service's time) came after the deadline day ended in <see cref="TimeZone"/>.</summary>
    public bool IsLate(Period period, DateTimeOffset receivedUtc) => LocalDate(receivedUtc) > DeadlineFor(period);

    /// <summary>
    /// The latest month whose deadline had passed on <paramref name="localDate"/> (a day in <see cref="TimeZone"/>): after the
    /// deadline day, last month; on or before it, the month before, as last month's figures may still come.
    /// </summary>
    public Period LatestMonthPastDeadline(DateOnly localDate) =>
        Period.FromDate(localDate).AddMonths(localDate.Day > SubmissionDeadlineDay ? -1 : -2);
}
