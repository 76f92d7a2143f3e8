using Reporting.Delivery.Messages;

namespace Reporting.Delivery.Sending;

/// <summary>
/// Hands one message to the relay. Throws <see cref="MailSendException"/> when the relay cannot be reached or refuses
/// the message or the recipient; the caller records and retries, so sending never fails a render.
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
