using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Application.Pages;
using Reporting.Delivery;
using Reporting.Delivery.Messages;
using Reporting.Storage.Blobs;
using Reporting.Storage.Deliveries;
using Reporting.Storage.Tables;

namespace Reporting.Application.Mail;

/// <summary>
/// The daily deadline mail. From <see cref="MailOptions.ReminderDaysBefore"/> days before a month's deadline until the
/// deadline (days in the organisation's zone, the strategy's <c>timeZone</c>), each department without an
/// accepted submission is reminded, with its upload link and the month's template; in the days after the deadline its
/// owner and the admins are told its figures are missing. Each message once per department and month: the delivery log
/// decides, so running daily (or twice, or on two hosts) sends each one once.
/// </summary>
public sealed partial class DeadlineReminders(
    StrategySource strategies,
    SubmissionHistoryTable history,
    DepartmentAccess access,
    DepartmentPagePublisher pages,
    DeliveryLogTable log,
    MailDispatcher dispatcher,
    IOptions<MailOptions> mail,
    TimeProvider clock,
    ILogger<DeadlineReminders> logger)
{
    public const string AdminsDocument = "admins";

    /// <summary>What is due today and whether each was sent before; sends nothing (<c>reporting remind --dry-run</c>).</summary>
    public async Task<IReadOnlyList<PlannedMail>> PlanAsync(CancellationToken cancellationToken)
    {
        var strategy = await strategies.GetAsync(cancellationToken);
        var today = strategy.LocalDate(clock.GetUtcNow());
        var plan = new List<PlannedMail>();
        foreach (var period in new[] { Period.FromDate(today).Previous(), Period.FromDate(today) })
        {
            var deadline = strategy.DeadlineFor(period);
            var reminding = today >= deadline.AddDays(-mail.Value.ReminderDaysBefore) && today <= deadline;
            var noticing = today > deadline && today <= deadline.AddDays(mail.Value.MissingNoticeDays);
            if (!reminding && !noticing)
            {
                continue;
            }

            var accepted = (await history.ListAcceptedAsync(period.ToString(), cancellationToken)).Select(r => r.Department).ToHashSet(StringComparer.Ordinal);
            var missing = strategy.Departments.Where(d => !accepted.Contains(d.Id)).ToList();
            var logged = (await log.ListAsync(period.ToString(), cancellationToken)).Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
            var kind = reminding ? DeliveryKind.Reminder : DeliveryKind.MissingNotice;
            var keys = missing.Where(d => d.OwnerEmail is not null)
                .Select(d => (Key: new DeliveryKey(period.ToString(), kind, null, d.Id, d.OwnerEmail!), Departments: (IReadOnlyList<Department>)[d]));
            if (noticing && missing.Count > 0)
            {
                keys = keys.Concat(strategy.Mail.Admins.Select(a => (new DeliveryKey(period.ToString(), kind, null, AdminsDocument, a), (IReadOnlyList<Department>)missing)));
            }

            plan.AddRange(keys.Select(k => new PlannedMail(k.Key, period, deadline, k.Departments, logged.Contains(k.Key.RowKey))));
        }

        return plan;
    }

    /// <summary>Sends what is due and not yet logged; returns how many were handed to the relay or recorded for a retry.</summary>
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        if (!mail.Value.Enabled)
        {
            LogMailOff(logger);
            return 0;
        }

        var strategy = await strategies.GetAsync(cancellationToken);
        var sent = 0;
        foreach (var planned in (await PlanAsync(cancellationToken)).Where(p => !p.AlreadyLogged))
        {
            try
            {
                var message = await ComposeAsync(strategy, planned, cancellationToken);
                sent += await dispatcher.SendOnceAsync(planned.Key, message, cancellationToken) is null ? 0 : 1;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, planned.Key.Kind.ToString(), planned.Key.Recipient, planned.Period.ToString());
            }
        }

        return sent;
    }

    private async Task<OutgoingMail> ComposeAsync(EngagementStrategy strategy, PlannedMail planned, CancellationToken cancellationToken)
    {
        var department = planned.Departments[0];
        if (planned.Key.Kind == DeliveryKind.MissingNotice)
        {
            return planned.Key.Document == AdminsDocument
                ? ReminderMailComposer.MissingToAdmin(planned.Key.Recipient, planned.Departments, planned.Period, planned.Deadline, strategy.TimeZone.Id)
                : ReminderMailComposer.MissingToOwner(department, planned.Period, planned.Deadline, strategy.TimeZone.Id);
        }

        var validity = mail.Value.UploadLinkValidity > access.MaxValidity ? access.MaxValidity : mail.Value.UploadLinkValidity;
        var grant = await pages.GrantAsync(department.Id, validity, cancellationToken);
        var templateName = SubmissionTemplate.FileName(planned.Period);
        return ReminderMailComposer.Reminder(strategy.Organisation, department, planned.Period, planned.Deadline, strategy.TimeZone.Id, grant.PageUrl, grant.ContainerSasUrl, grant.ExpiresUtc,
            templateName, SubmissionTemplate.Csv(department, planned.Period));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail is off (Mail:Host is not set): no deadline reminders sent")]
    private static partial void LogMailOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send the {Kind} to {Recipient} for {Period}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string kind, string recipient, string period);
}
