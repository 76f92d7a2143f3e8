namespace Reporting.Storage.Blobs;

/// <summary>Whether a scorecard version is mailed now (<paramref name="Claimed"/>), and if it is held, from when the next mail may go.</summary>
public sealed record MailClaim(bool Claimed, DateTimeOffset? NextUtc);
