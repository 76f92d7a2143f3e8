namespace Reporting.Application.Pages;

/// <summary>The departments' upload pages: app settings <c>extensions:departmentPages:*</c>.</summary>
public sealed class DepartmentPageOptions
{
    public const string Section = "extensions:departmentPages";

    /// <summary>
    /// Whether the host keeps the pages current by itself (at start, on the schedule, after accepted uploads). Off only
    /// where a host must do nothing but what is measured (the benchmarks); granting a link always publishes its page.
    /// </summary>
    public bool AutoRefresh { get; set; } = true;
}
