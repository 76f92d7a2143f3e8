using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Delivery;
using Reporting.Delivery.Messages;
using Reporting.Delivery.Sending;
using Reporting.Storage.Deliveries;

namespace Reporting.Application.Mail;

/// <summary>
/// Sends each logged message at most once: claim the row, send, record the outcome. A refused or unreachable relay is
/// recorded with the reason and the message kept in the outbox for a retry after a doubling delay
/// (<see cref="MailOptions.RetryDelay"/>), until <see cref="MailOptions.MaxAttempts"/>; nothing here throws for a
/// mail failure. The order (claim, then send) is the at-most-once choice explained on <see cref="DeliveryLogTable"/>.
/// </summary>
public sealed partial class MailDispatcher(
    DeliveryLogTable log,
    DeliveryOutbox outbox,
    IMailSender sender,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<MailDispatcher> logger)
{
    /// <summary>Sends the message unless it was claimed before; returns what became of it.</summary>
    public async Task<DeliveryStatus?> SendOnceAsync(DeliveryKey key, OutgoingMail mail, CancellationToken cancellationToken)
    {
        var claim = await log.ClaimAsync(key, mail.Subject, options.Value.ClaimDuration, cancellationToken);
        if (claim is null)
        {
            LogAlreadyClaimed(logger, key.Period, key.RowKey);
            return null;
        }

        return await AttemptAsync(claim, mail, cancellationToken);
    }

    /// <summary>Sends the failed messages whose next attempt is due; returns how many were tried.</summary>
    public async Task<int> RetryDueAsync(CancellationToken cancellationToken)
    {
        var tried = 0;
        if (!options.Value.Enabled)
        {
            return tried;
        }

        foreach (var due in await log.ListDueAsync(cancellationToken))
        {
            if (await outbox.ReadAsync(due.Period, due.RowKey, cancellationToken) is not { } stored
                || await log.ClaimRetryAsync(due, options.Value.ClaimDuration, cancellationToken) is not { } claim)
            {
                continue;
            }

            tried++;
            await AttemptAsync(claim, stored.ToObjectFromJson<OutgoingMail>(JsonOptions)!, cancellationToken);
        }

        return tried;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private async Task<DeliveryStatus> AttemptAsync(DeliveryClaim claim, OutgoingMail mail, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(mail, cancellationToken);
        }
        catch (MailSendException ex)
        {
            var settings = options.Value;
            var next = claim.Attempt >= settings.MaxAttempts ? (DateTimeOffset?)null : clock.GetUtcNow() + settings.RetryDelay * Math.Pow(2, claim.Attempt - 1);
            if (next is not null)
            {
                await outbox.WriteAsync(claim.Period, claim.RowKey, BinaryData.FromObjectAsJson(mail, JsonOptions), cancellationToken);
            }
            else
            {
                await outbox.DeleteAsync(claim.Period, claim.RowKey, cancellationToken);
            }

            await log.RecordFailedAsync(claim, ex.Message, next, cancellationToken);
            LogFailed(logger, mail.Subject, mail.To, claim.Attempt, settings.MaxAttempts, ex.Message, next?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "never: given up");
            return next is null ? DeliveryStatus.GaveUp : DeliveryStatus.Failed;
        }

        await log.RecordSentAsync(claim, cancellationToken);
        if (claim.Attempt > 1)
        {
            await outbox.DeleteAsync(claim.Period, claim.RowKey, cancellationToken);
        }

        LogSent(logger, mail.Subject, mail.To, claim.Attempt);
        return DeliveryStatus.Sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail '{Subject}' to {Recipient} was sent (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, string subject, string recipient, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail '{Subject}' to {Recipient} was not sent (attempt {Attempt} of {MaxAttempts}): {Reason}; next attempt {NextAttempt}")]
    private static partial void LogFailed(ILogger logger, string subject, string recipient, int attempt, int maxAttempts, string reason, string nextAttempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mail {Period}/{Key} was claimed before (sent or being sent); not sent again")]
    private static partial void LogAlreadyClaimed(ILogger logger, string period, string key);
}
