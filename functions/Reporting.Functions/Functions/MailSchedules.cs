using Microsoft.Azure.WebJobs;
using Reporting.Application.Mail;
using Reporting.Functions.ScheduleTrigger;

namespace Reporting.Functions.Functions;

/// <summary>
/// The mail timers, once across hosts like every schedule: the daily deadline reminders and "missing" notices, and the
/// retry of messages the relay did not take. Both are safe to run again (the delivery log sends each message once), and
/// neither throws for a mail failure: it is recorded and shown by <c>reporting status</c>.
/// </summary>
public sealed class MailSchedules(DeadlineReminders reminders, MailDispatcher dispatcher)
{
    public const string ReminderScheduleKey = "extensions:mail:reminderSchedule";
    public const string RetryScheduleKey = "extensions:mail:retrySchedule";

    [FunctionName("SendDeadlineReminders")]
    public Task RemindAsync([ScheduleTrigger("%" + ReminderScheduleKey + "%")] ScheduleInfo schedule, CancellationToken cancellationToken) =>
        reminders.SendAsync(cancellationToken);

    [FunctionName("RetryUndeliveredMail")]
    public Task RetryAsync([ScheduleTrigger("%" + RetryScheduleKey + "%")] ScheduleInfo schedule, CancellationToken cancellationToken) =>
        dispatcher.RetryDueAsync(cancellationToken);
}
