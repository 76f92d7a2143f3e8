namespace Reporting.Delivery;

/// <summary>How the connection to the relay is secured.</summary>
public enum MailSecurity
{
    /// <summary>TLS on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,

    /// <summary>Plain text: only for a local test server such as maildev.</summary>
    None,

    /// <summary>STARTTLS, required (port 587 relays).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}
