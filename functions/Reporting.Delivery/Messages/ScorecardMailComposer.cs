using System.Globalization;
using System.Net;
using System.Text;
using Reporting.Core.Scorecards;

namespace Reporting.Delivery.Messages;

/// <summary>
/// The scorecard messages: the leadership pack for the leadership list (no department) and each
/// department's PDF for its owner. Short on purpose: the summary, then the PDF attached or linked.
/// </summary>
public static class ScorecardMailComposer
{
    public static OutgoingMail Compose(Scorecard scorecard, DepartmentScorecard? department, string to, ScorecardDocument document, bool update)
    {
        var what = department is null ? $"{scorecard.Organisation} scorecard" : $"{department.Name} scorecard";
        var subject = $"{(update ? "Updated: " : "")}{what}, {scorecard.Period.DisplayName}";
        var intro = (update, department) switch
        {
            (true, _) => "The scorecard has been rendered again because figures changed since the last version. This version replaces the earlier one.",
            (false, null) => $"The leadership scorecard for {scorecard.Period.DisplayName} is ready.",
            _ => $"Your department's scorecard for {scorecard.Period.DisplayName} is ready.",
        };
        var lines = ScorecardSummary.Lines(scorecard, department);
        var where = document.Link is { } link
            ? $"The PDF ({document.FileName}) is too large to attach. Download it here until {document.LinkExpires!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC:"
            : $"The PDF is attached ({document.FileName}).";
        var text = new StringBuilder()
            .Append(intro).Append("\n\n")
            .AppendJoin("", lines.Select(l => $"{l.Label}: {l.Value}\n"))
            .Append('\n').Append(where).Append('\n');
        if (document.Link is { } url)
        {
            text.Append(url).Append('\n');
        }

        text.Append("\n-- \nSent by the scorecard pipeline. Strategy version ").Append(scorecard.StrategyVersion).Append(".\n");
        var html = Html(intro, lines, where, document.Link, scorecard.StrategyVersion);
        var attachment = document.Content is { } bytes ? new MailAttachment(document.FileName, "application/pdf", bytes) : null;
        return new OutgoingMail(to, subject, text.ToString(), html, attachment);
    }

    private static string Html(string intro, IReadOnlyList<(string Label, string Value)> lines, string where, Uri? link, string strategyVersion)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif; font-size: 14px; color: #222\">\n")
            .Append("<p>").Append(WebUtility.HtmlEncode(intro)).Append("</p>\n<table style=\"border-collapse: collapse\">\n");
        foreach (var (label, value) in lines)
        {
            html.Append("<tr><th style=\"text-align: left; padding: 2px 12px 2px 0; vertical-align: top\">").Append(WebUtility.HtmlEncode(label))
                .Append("</th><td style=\"padding: 2px 0\">").Append(WebUtility.HtmlEncode(value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<p>").Append(WebUtility.HtmlEncode(where));
        if (link is not null)
        {
            var href = WebUtility.HtmlEncode(link.AbsoluteUri);
            html.Append("<br><a href=\"").Append(href).Append("\">Download the PDF</a>");
        }

        return html.Append("</p>\n<p style=\"color: #777; font-size: 12px\">Sent by the scorecard pipeline. Strategy version ")
            .Append(WebUtility.HtmlEncode(strategyVersion)).Append(".</p>\n</body></html>\n").ToString();
    }
}
