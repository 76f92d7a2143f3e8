using System.Globalization;
using System.Net;
using System.Text;
using Reporting.Core.Scoring;
using Reporting.Core.Wording;

namespace Reporting.Delivery.Messages;

/// <summary>
/// The HTML part, for the mail clients people use (Outlook, Gmail, phones): tables for layout and inline styles only (no
/// style sheet, no script, no image), 640 px at most and the full width of a phone below that. Outlook on Windows ignores
/// max-width, so the card also carries width="640"; other clients take the inline width:100% over the attribute.
/// Every text from data (names, comments, links) is HTML-encoded here and nowhere else.
/// </summary>
public static class MailHtml
{
    public const int MaxWidth = 640;

    private const string Font = "font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 20px; color: #1f2937;";
    private const string Rule = "border-top: 1px solid #e5e7eb;";

    public static string Render(string title, IReadOnlyList<MailBlock> blocks)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin: 0; padding: 0; background-color: #f3f4f6;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background-color: #f3f4f6;\">\n")
            .Append("<tr><td align=\"center\" style=\"padding: 16px 8px;\">\n")
            .Append(CultureInfo.InvariantCulture, $"<table role=\"presentation\" width=\"{MaxWidth}\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
            .Append(CultureInfo.InvariantCulture, $"style=\"width: 100%; max-width: {MaxWidth}px; background-color: #ffffff; border: 1px solid #d1d5db; {Font}\">\n")
            .Append("<tr><td style=\"padding: 20px 20px 16px 20px;\">\n");
        foreach (var block in blocks)
        {
            Append(html, block);
        }

        return html.Append("</td></tr>\n</table>\n</td></tr>\n</table>\n</body>\n</html>\n").ToString();
    }

    private static void Append(StringBuilder html, MailBlock block)
    {
        switch (block)
        {
            case MailBlock.Lead lead:
                html.Append("<p style=\"margin: 0 0 12px 0; font-size: 20px; line-height: 26px; font-weight: bold;\">").Append(Encode(lead.Text)).Append("</p>\n");
                break;
            case MailBlock.Paragraph paragraph:
                html.Append("<p style=\"margin: 0 0 12px 0;\">").Append(Encode(paragraph.Text)).Append("</p>\n");
                break;
            case MailBlock.Section section:
                html.Append("<h2 style=\"margin: 20px 0 6px 0; font-size: 16px; line-height: 22px; font-weight: bold;\">").Append(Encode(section.Title)).Append("</h2>\n");
                break;
            case MailBlock.StatusList list:
                html.Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"width: 100%; border-collapse: collapse; margin: 0 0 12px 0;\">\n");
                foreach (var row in list.Rows)
                {
                    html.Append("<tr><td width=\"88\" valign=\"top\" style=\"width: 88px; padding: 8px 8px 8px 0; ").Append(Rule).Append("\">").Append(Chip(row.Status))
                        .Append("</td><td valign=\"top\" style=\"padding: 8px 0; ").Append(Rule).Append("\"><strong>").Append(Encode(row.Title))
                        .Append("</strong><br><span style=\"font-size: 13px; color: #4b5563;\">").Append(Encode(row.Detail)).Append("</span></td></tr>\n");
                }

                html.Append("</table>\n");
                break;
            case MailBlock.Link link:
                html.Append("<p style=\"margin: -6px 0 12px 0;\"><a href=\"").Append(Encode(link.Address.AbsoluteUri))
                    .Append("\" style=\"color: #1e3a8a; font-weight: bold;\">").Append(Encode(link.Label)).Append("</a></p>\n");
                break;
            case MailBlock.Footer footer:
                html.Append("<p style=\"margin: 20px 0 0 0; font-size: 12px; line-height: 16px; color: #6b7280;\">").Append(Encode(footer.Text)).Append("</p>\n");
                break;
        }
    }

    // White on the status colour (each at least 4.5:1), and the word inside: the chip reads without its colour too.
    private static string Chip(KpiStatus status)
    {
        var (r, g, b) = StatusWords.Colour(status);
        return string.Create(CultureInfo.InvariantCulture,
            $"<span style=\"display: inline-block; padding: 2px 8px; border-radius: 10px; background-color: #{r:x2}{g:x2}{b:x2}; color: #ffffff; font-size: 12px; line-height: 16px; font-weight: bold; white-space: nowrap;\">{StatusWords.Word(status)}</span>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
