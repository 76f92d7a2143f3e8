using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace Reporting.LocalRunner;

/// <summary>
/// Fires one timer-triggered function at each occurrence of its six-field UTC schedule, one run at a time and each occurrence
/// once, as the host does (without its cross-instance lock: the functions are safe to run twice, which two runners show). A
/// failed run is logged and not retried; the next occurrence comes as usual. Each finished occurrence is logged at Debug,
/// so a test can wait for a later occurrence instead of sleeping.
/// </summary>
internal sealed partial class TimerFunctionListener(FunctionDefinition function, string schedule, FunctionInvoker invoker, TimeProvider clock, ILogger logger)
{
    private readonly CrontabSchedule _cron = CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    public async Task RunAsync(CancellationToken stopping)
    {
        DateTime? last = null;
        while (!stopping.IsCancellationRequested)
        {
            // The wall clock for the schedule, as timers are: Reporting:Now moves "today", never when timers fire. A timer may
            // wake a little before its occurrence (a delay is counted in whole milliseconds): the next occurrence is always
            // after the last one run, so that one never runs twice.
            var now = clock.GetUtcNow().UtcDateTime;
            var next = _cron.GetNextOccurrence(last is { } previous && previous > now ? previous : now);
            try
            {
                await Task.Delay(next - now, clock, stopping);
                var timer = new TimerInfo { ScheduleStatus = new ScheduleStatus { Last = last ?? default, Next = _cron.GetNextOccurrence(next), LastUpdated = next } };
                await invoker.InvokeAsync(function, timer, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex, function.Name);
            }

            LogFinished(logger, function.Name, next.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            last = next;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed; it runs again at its next occurrence")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer function {Function} finished its {Occurrence} occurrence")]
    private static partial void LogFinished(ILogger logger, string function, string occurrence);
}
