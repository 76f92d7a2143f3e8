using Microsoft.Azure.WebJobs;
using Reporting.Application.Pages;
using Reporting.Functions.ScheduleTrigger;

namespace Reporting.Functions.Functions;

/// <summary>
/// Keeps the departments' upload pages current: on the schedule (every ten minutes by default, once across hosts) each
/// department whose page was built from another strategy version, month due or page version is published again, so a
/// pushed strategy, a new month or a deployed page reaches every department without anyone granting a link.
/// </summary>
public sealed class DepartmentPages(DepartmentPagePublisher publisher)
{
    [FunctionName("RefreshDepartmentPages")]
    public Task RefreshAsync([ScheduleTrigger("%" + DepartmentPageOptions.RefreshScheduleKey + "%")] ScheduleInfo schedule, CancellationToken cancellationToken) =>
        publisher.PublishAllAsync(force: false, cancellationToken);
}
