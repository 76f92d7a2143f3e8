namespace Reporting.Application.Pages;

/// <summary>The departments' upload pages: host.json <c>extensions.departmentPages</c>.</summary>
public sealed class DepartmentPageOptions
{
    public const string Section = "extensions:departmentPages";
    public const string RefreshScheduleKey = Section + ":refreshSchedule";

    /// <summary>
    /// Whether the host keeps the pages current by itself (at start, on the schedule, after accepted uploads). Off only
    /// where a host must do nothing but what is measured (the benchmarks); granting a link always publishes its page.
    /// </summary>
    public bool AutoRefresh { get; set; } = true;

    /// <summary>How often to look for pages built from another strategy, month or page version (six-field cron, UTC).</summary>
    public string RefreshSchedule { get; set; } = "0 */10 * * * *";
}
