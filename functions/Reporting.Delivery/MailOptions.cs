namespace Reporting.Delivery;

/// <summary>
/// The SMTP relay and the delivery rules (<c>Mail:*</c>). Mail is off while <see cref="Host"/> is empty, so a pipeline
/// without a relay renders as before. The password comes from the environment (<c>Mail__Password</c>, a Key Vault secret
/// in Azure), never from a file in the repository.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The relay's host name; empty turns mail off.</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary>TLS required unless set to <see cref="MailSecurity.None"/> (local maildev only).</summary>
    public MailSecurity Security { get; set; } = MailSecurity.Tls;

    /// <summary>
    /// The SHA-256 fingerprint (hex) of a relay certificate to accept although no trusted authority issued it, such as an
    /// internal relay's self-signed one. Empty (the default): only certificates the system trusts, for the relay's name.
    /// </summary>
    public string ServerCertificateSha256 { get; set; } = "";

    /// <summary>The sender address (<c>From</c>), for example <c>scorecards@example.org</c>.</summary>
    public string Sender { get; set; } = "";

    /// <summary>The name shown beside the sender address.</summary>
    public string SenderName { get; set; } = "Scorecards";

    /// <summary>The relay's user name; empty: no authentication (maildev, a relay that trusts the network).</summary>
    public string UserName { get; set; } = "";

    /// <summary>Never logged. Set as <c>Mail__Password</c>.</summary>
    public string Password { get; set; } = "";

    /// <summary>A PDF larger than this is not attached; the message carries a time-limited link to it instead.</summary>
    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long a link in place of an attachment works (at most 7 days for hosts with an identity).</summary>
    public TimeSpan LinkValidity { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long connecting or one SMTP command may take before the attempt fails.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per message (the first and the retries), then it is given up and reported by <c>reporting status</c>.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first retry's delay; it doubles with each further attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether a re-render of a month mails the new version ("updated scorecard").</summary>
    public UpdateMail Updates { get; set; } = UpdateMail.WhenFiguresChange;

    /// <summary>
    /// At most one "updated" mail per month in this interval, whatever the number of versions: the versions in between are
    /// held, and the latest is mailed once the interval since the last mail has passed. Zero: every version as it comes.
    /// </summary>
    public TimeSpan UpdateInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long a claimed message may stay unrecorded before it counts as "unknown" (its host died mid-send).</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Reminders go out from this many days before the deadline (in the organisation's zone) until it.</summary>
    public int ReminderDaysBefore { get; set; } = 3;

    /// <summary>How long the upload link in a reminder works (at most 7 days for hosts with an identity).</summary>
    public TimeSpan UploadLinkValidity { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether a department owner's scorecard message carries a link to the department's upload page for the month now due
    /// (valid for <see cref="UploadLinkValidity"/>). Off where upload links should only go out with the reminders.
    /// </summary>
    public bool ScorecardUploadLink { get; set; } = true;

    /// <summary>How many days after the deadline the "missing" notices may still go out, should the host miss a day.</summary>
    public int MissingNoticeDays { get; set; } = 3;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
