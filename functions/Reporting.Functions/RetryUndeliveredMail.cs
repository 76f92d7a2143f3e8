using Microsoft.Azure.Functions.Worker;
using Reporting.Application.Mail;

namespace Reporting.Functions;

/// <summary>Retries the mail the relay did not take; a mail failure is recorded (shown by <c>reporting status</c>), never thrown.</summary>
public sealed class RetryUndeliveredMail(MailDispatcher dispatcher)
{
    [Function(nameof(RetryUndeliveredMail))]
    public Task RunAsync([TimerTrigger("%" + FunctionSettings.MailRetrySchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        dispatcher.RetryDueAsync(cancellationToken);
}
