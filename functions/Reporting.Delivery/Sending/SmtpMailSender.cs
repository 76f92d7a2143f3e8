using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Delivery.Messages;

namespace Reporting.Delivery.Sending;

/// <summary>
/// Sends over SMTP with MailKit: one connection per message, so a relay that drops a connection costs one message's
/// attempt and nothing more. TLS is required unless <see cref="MailSecurity.None"/> says otherwise, and the password is
/// never sent over a connection without it. Every failure becomes a <see cref="MailSendException"/> naming the step and
/// the server's answer, without the password.
/// </summary>
public sealed partial class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    private int _plainTextLogged;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Security == MailSecurity.None && Interlocked.Exchange(ref _plainTextLogged, 1) == 0)
        {
            LogPlainText(logger, settings.Host, settings.Port);
        }

        var message = MimeMail.Build(mail, settings.Sender, settings.SenderName);
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        if (!string.IsNullOrWhiteSpace(settings.ServerCertificateSha256))
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) => Trusted(certificate, errors, settings.ServerCertificateSha256);
        }

        var step = $"connecting to {settings.Host}:{settings.Port}";
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Socket(settings), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                step = $"signing in to {settings.Host} as {settings.UserName}";
                if (!client.IsSecure)
                {
                    // Checked on the connection itself, whatever the setting: the password (and the links in the mail) must not travel in clear text.
                    throw new MailSendException($"refused to sign in to {settings.Host} as {settings.UserName} without TLS: the password would travel in clear text. " +
                        $"Mail:Security is {settings.Security}, which is for a local maildev without sign-in only; use Tls (the default), StartTls or SslOnConnect");
                }

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
        catch (NotSupportedException ex) when (!client.IsSecure)
        {
            // MailKit's answer when STARTTLS is required and the relay does not offer it (or something on the way removed it).
            throw new MailSendException($"failed while {step}: the relay offers no STARTTLS, and Mail:Security ({settings.Security}) requires TLS; nothing was sent in clear text ({ex.Message})", ex);
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
        _ => settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls,
    };

    // A certificate the system trusts for the relay's name, or exactly the one pinned by its fingerprint.
    private static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, string pinnedSha256) =>
        errors == SslPolicyErrors.None
        || certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pinnedSha256.Replace(":", "", StringComparison.Ordinal).Trim(), StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail goes to {Host}:{Port} without TLS (Mail:Security is None): for a local maildev only, never for a real relay; signing in is refused on such a connection")]
    private static partial void LogPlainText(ILogger logger, string host, int port);
}
