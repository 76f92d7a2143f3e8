namespace Reporting.Delivery;

/// <summary>
/// How the connection to the relay is secured. Every value but <see cref="None"/> requires TLS: a relay that does not
/// offer it (or a STARTTLS stripped on the way) fails the attempt instead of carrying the password and the links in clear.
/// </summary>
public enum MailSecurity
{
    /// <summary>TLS required, chosen by port: TLS on connect for 465, STARTTLS for any other port (587).</summary>
    Tls,

    /// <summary>
    /// The former default, kept so existing settings still bind. It used to fall back to plain text when the relay offered
    /// no STARTTLS; it now means <see cref="Tls"/>.
    /// </summary>
    Auto = Tls,

    /// <summary>Plain text, for a local test server such as maildev only: the sender logs a warning, and refuses to sign in.</summary>
    None,

    /// <summary>STARTTLS, required (port 587 relays).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
