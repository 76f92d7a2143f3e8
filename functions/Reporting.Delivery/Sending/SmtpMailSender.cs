using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Reporting.Delivery.Messages;

namespace Reporting.Delivery.Sending;

/// <summary>
/// Sends over SMTP with MailKit: one connection per message, so a relay that drops a connection costs one message's
/// attempt and nothing more. Every failure becomes a <see cref="MailSendException"/> naming the step and the server's
/// answer, without the password.
/// </summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = MimeMail.Build(mail, settings.Sender, settings.SenderName);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var step = $"connecting to {settings.Host}:{settings.Port}";
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Socket(settings), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                step = $"signing in to {settings.Host} as {settings.UserName}";
                await client.AuthenticateAsync(settings.UserName, settings.Password, cancellationToken);
            }

            step = $"sending to {mail.To} through {settings.Host}";
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            var what = ex.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => $"the relay refused the recipient {ex.Mailbox}",
                SmtpErrorCode.SenderNotAccepted => $"the relay refused the sender {ex.Mailbox}",
                _ => "the relay refused the message",
            };
            throw new MailSendException($"{what} while {step}: {(int)ex.StatusCode} {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or AuthenticationException or SslHandshakeException or ServiceNotConnectedException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MailSendException($"failed while {step}: {ex.Message}", ex);
        }
    }

    private static SecureSocketOptions Socket(MailOptions settings) => settings.Security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
