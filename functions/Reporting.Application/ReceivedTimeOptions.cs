namespace Reporting.Application;

/// <summary>
/// <c>Reporting:TrustDeclaredReceivedTime</c>: whether the host takes the received time an uploader declares in a blob's
/// metadata. Off by default and never on in production: anyone with a department's upload link can write metadata, and
/// a department must never be able to back-date its own upload. The demo's host and tests turn it on so that a sample
/// year uploaded in one minute looks like a year of monthly uploads.
/// </summary>
public sealed class ReceivedTimeOptions
{
    public const string Section = "Reporting";

    public bool TrustDeclaredReceivedTime { get; set; }
}
