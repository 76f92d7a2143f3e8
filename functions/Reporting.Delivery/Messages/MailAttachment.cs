namespace Reporting.Delivery.Messages;

/// <summary>A file attached to a message, such as a scorecard PDF.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
