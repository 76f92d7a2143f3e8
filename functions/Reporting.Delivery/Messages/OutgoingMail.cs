namespace Reporting.Delivery.Messages;

/// <summary>
/// One message to one recipient, independent of the mail library: what the delivery log stores for a retry and what
/// <see cref="Sending.IMailSender"/> sends. <see cref="Attachment"/> is null when the message carries a link instead.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string Html, MailAttachment? Attachment = null);
