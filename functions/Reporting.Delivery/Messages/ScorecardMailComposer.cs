using System.Globalization;
using Reporting.Core.Scorecards;

namespace Reporting.Delivery.Messages;

/// <summary>
/// The scorecard messages: the leadership message for the leadership list (no department) and each department's for its
/// owner. Each answers at a glance (<see cref="LeadershipMail"/>, <see cref="DepartmentMail"/>) for people who read mail
/// on a phone first; the PDF, attached or linked, is for the meeting.
/// </summary>
public static class ScorecardMailComposer
{
    /// <summary>One message; <paramref name="upload"/> is the department's upload page for the month now due (null for leadership, or when links are off).</summary>
    public static OutgoingMail Compose(Scorecard scorecard, DepartmentScorecard? department, string to, ScorecardDocument document, bool update, UploadInvitation? upload = null)
    {
        var what = department is null ? $"{scorecard.Organisation} scorecard" : $"{department.Name} scorecard";
        var subject = $"{(update ? "Updated: " : "")}{what}, {scorecard.Period.DisplayName}";
        var blocks = new List<MailBlock>(department is null ? LeadershipMail.Blocks(scorecard) : DepartmentMail.Blocks(scorecard, department, upload));
        // The answer stays the first line; that this version replaces an earlier one comes right after it.
        if (update)
        {
            blocks.Insert(1, new MailBlock.Paragraph("Updated: the scorecard was rendered again because figures changed since the last version. This version replaces the earlier one."));
        }

        if (document.Link is { } link)
        {
            blocks.Add(new MailBlock.Paragraph($"The PDF ({document.FileName}) is too large to attach. Download it here until {document.LinkExpires!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC:"));
            blocks.Add(new MailBlock.Link("Download the PDF", link));
        }
        else
        {
            blocks.Add(new MailBlock.Paragraph($"The PDF is attached ({document.FileName})."));
        }

        blocks.Add(new MailBlock.Footer($"Sent by the scorecard pipeline. Strategy version {scorecard.StrategyVersion}."));
        var attachment = document.Content is { } bytes ? new MailAttachment(document.FileName, "application/pdf", bytes) : null;
        return new OutgoingMail(to, subject, MailText.Render(blocks), MailHtml.Render(subject, blocks), attachment);
    }
}
