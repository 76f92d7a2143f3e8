using Microsoft.Azure.Functions.Worker;
using Reporting.Application.Mail;

namespace Reporting.Functions;

/// <summary>The daily deadline mail: reminders before the deadline, "missing" notices after it. Safe to run again (the delivery log sends each once).</summary>
public sealed class SendDeadlineReminders(DeadlineReminders reminders)
{
    [Function(nameof(SendDeadlineReminders))]
    public Task RunAsync([TimerTrigger("%" + FunctionSettings.ReminderSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        reminders.SendAsync(cancellationToken);
}
