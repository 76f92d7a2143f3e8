using System.Text;
using Reporting.Core.Wording;

namespace Reporting.Delivery.Messages;

/// <summary>
/// The plain-text part: the blocks in order, a blank line between them, each status row as "- [At risk] title — detail"
/// (the word in brackets stands where the HTML part shows its chip).
/// </summary>
public static class MailText
{
    public static string Render(IReadOnlyList<MailBlock> blocks)
    {
        var text = new StringBuilder();
        MailBlock? previous = null;
        foreach (var block in blocks)
        {
            // What follows a section's title, and a link after its paragraph, come without a blank line.
            if (previous is not null and not MailBlock.Section && block is not MailBlock.Link)
            {
                text.Append('\n');
            }

            switch (block)
            {
                case MailBlock.Lead lead:
                    text.Append(lead.Text).Append('\n');
                    break;
                case MailBlock.Paragraph paragraph:
                    text.Append(paragraph.Text).Append('\n');
                    break;
                case MailBlock.Section section:
                    text.Append(section.Title).Append('\n');
                    break;
                case MailBlock.StatusList list:
                    foreach (var row in list.Rows)
                    {
                        text.Append("- [").Append(StatusWords.Word(row.Status)).Append("] ").Append(row.Title).Append(" — ").Append(row.Detail).Append('\n');
                    }

                    break;
                case MailBlock.Link link:
                    text.Append(link.Address.AbsoluteUri).Append('\n');
                    break;
                case MailBlock.Footer footer:
                    text.Append("-- \n").Append(footer.Text).Append('\n');
                    break;
            }

            previous = block;
        }

        return text.ToString();
    }
}
