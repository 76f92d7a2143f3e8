using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Application.Pages;

namespace Reporting.Functions;

/// <summary>
/// When a host starts, the pages that are out of date (a deploy with a changed page, a strategy pushed while no host ran)
/// are published at once rather than at the next scheduled check. In the background: the host starts without waiting, and
/// a failure is logged and left to the schedule.
/// </summary>
internal sealed partial class DepartmentPagesOnStart(DepartmentPagePublisher publisher, ILogger<DepartmentPagesOnStart> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _run = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _run = Task.Run(async () =>
        {
            try
            {
                await publisher.PublishAllAsync(force: false, _stopping.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        });
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _run.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // stopping: the schedule publishes what is left
        }

        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the departments' upload pages at start; the schedule tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
