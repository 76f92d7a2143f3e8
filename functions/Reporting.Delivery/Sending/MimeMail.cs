using MimeKit;
using Reporting.Delivery.Messages;

namespace Reporting.Delivery.Sending;

/// <summary>Turns an <see cref="OutgoingMail"/> into a MIME message: text and HTML alternatives, the PDF as an attachment.</summary>
public static class MimeMail
{
    public static MimeMessage Build(OutgoingMail mail, string sender, string senderName)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(senderName, sender));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html };
        if (mail.Attachment is { } attachment)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
