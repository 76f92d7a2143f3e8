using System.Globalization;
using System.Net;
using System.Text;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Delivery.Messages;

/// <summary>
/// The deadline messages: the reminder before it (with the department's upload page, its raw upload link and the month's template), and the
/// day after it the notices that a department's figures are missing, to its owner and to the admins.
/// </summary>
public static class ReminderMailComposer
{
    /// <summary>The reminder: the department's upload page as the link to follow (the raw upload link for tools after it) and the month's template attached.</summary>
    public static OutgoingMail Reminder(string organisation, Department department, Period period, DateOnly deadline, string timeZone, Uri pageLink, Uri uploadLink, DateTimeOffset linkExpires, string templateName, string template) =>
        Mail(department.OwnerEmail!, $"Reminder: {department.Name} figures for {period.DisplayName} are due {Date(deadline)}",
            [
                $"The {organisation} scorecard needs {department.Name}'s figures for {period.DisplayName} by {Deadline(deadline, timeZone)}; none have been accepted yet.",
                $"Fill in the attached template ({templateName}) and upload it on your department's upload page (it opens in your browser and shows the answer within seconds), valid until {linkExpires.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC:",
            ],
            pageLink,
            $"To upload from a terminal instead: curl -X PUT -H \"x-ms-blob-type: BlockBlob\" --data-binary @{templateName} \"{FileUrl(uploadLink, templateName).AbsoluteUri}\"\n" +
            "The answer (accepted, or every problem with its line) appears beside your upload within a minute.",
            new MailAttachment(templateName, "text/csv", Encoding.UTF8.GetBytes(template)));

    public static OutgoingMail MissingToOwner(Department department, Period period, DateOnly deadline, string timeZone) =>
        Mail(department.OwnerEmail!, $"Missing: {department.Name} figures for {period.DisplayName}",
            [
                $"{department.Name}'s figures for {period.DisplayName} were due {Deadline(deadline, timeZone)} and have not been accepted.",
                "The scorecard shows your KPIs as missing until they arrive; a late upload is still taken and the scorecard is rendered again.",
            ]);

    public static OutgoingMail MissingToAdmin(string to, IReadOnlyList<Department> missing, Period period, DateOnly deadline, string timeZone) =>
        Mail(to, $"Missing figures for {period.DisplayName}: {missing.Count} {(missing.Count == 1 ? "department" : "departments")}",
            [
                $"These departments had no accepted figures for {period.DisplayName} by the deadline, {Deadline(deadline, timeZone)}:",
                .. missing.Select(d => $"- {d.Name} ({d.Owner}{(d.OwnerEmail is null ? "" : ", " + d.OwnerEmail)})"),
                "Their owners were told. `reporting status` shows each department's uploads.",
            ]);

    // The deadline is the end of that day in the organisation's zone, which a department elsewhere needs to know.
    private static string Deadline(DateOnly deadline, string timeZone) => $"{Date(deadline)} (end of the day, {timeZone} time)";

    private static OutgoingMail Mail(string to, string subject, IReadOnlyList<string> paragraphs, Uri? link = null, string? after = null, MailAttachment? attachment = null)
    {
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif; font-size: 14px; color: #222\">\n");
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append('\n');
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }

        if (link is not null)
        {
            text.Append(link.AbsoluteUri).Append('\n');
            html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link.AbsoluteUri)).Append("\">Your upload page</a></p>\n");
        }

        if (after is not null)
        {
            text.Append('\n').Append(after).Append('\n');
            html.Append("<p>").Append(WebUtility.HtmlEncode(after)).Append("</p>\n");
        }

        text.Append("\n-- \nSent by the scorecard pipeline.\n");
        html.Append("<p style=\"color: #777; font-size: 12px\">Sent by the scorecard pipeline.</p>\n</body></html>\n");
        return new OutgoingMail(to, subject, text.ToString(), html.ToString(), attachment);
    }

    // The container link with the file's name before the SAS query: where one file is PUT.
    private static Uri FileUrl(Uri container, string fileName) =>
        new($"{container.GetLeftPart(UriPartial.Path)}/{Uri.EscapeDataString(fileName)}{container.Query}");

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
