using Microsoft.Azure.Functions.Worker;
using Reporting.Application.Pages;

namespace Reporting.Functions;

/// <summary>
/// Publishes again each department's upload page built from another strategy version, month due or page version, so a
/// pushed strategy, a new month or a deployed page reaches every department without anyone granting a link.
/// </summary>
public sealed class RefreshDepartmentPages(DepartmentPagePublisher publisher)
{
    [Function(nameof(RefreshDepartmentPages))]
    public Task RunAsync([TimerTrigger("%" + FunctionSettings.PageRefreshSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        publisher.PublishAllAsync(force: false, cancellationToken);
}
