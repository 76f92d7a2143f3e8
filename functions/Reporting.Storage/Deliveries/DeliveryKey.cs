using System.Globalization;
using System.Text;

namespace Reporting.Storage.Deliveries;

/// <summary>
/// Identifies one message: the period, what it is, the version (scorecards) or department (reminders), the document and
/// the recipient. Its row key is the unit of "exactly once": whoever inserts the row first sends the message.
/// </summary>
public sealed record DeliveryKey(string Period, DeliveryKind Kind, int? Version, string Document, string Recipient)
{
    /// <summary>
    /// <c>&lt;kind&gt;-&lt;version&gt;-&lt;document&gt;-&lt;recipient&gt;</c>, lowercase; characters Azure forbids in keys
    /// (<c>/ \ # ?</c>, controls) and <c>%</c> written as <c>~XX</c>, so any well-formed address makes a valid key.
    /// </summary>
    public string RowKey => $"{Kind.ToString().ToLowerInvariant()}-{Version?.ToString("000", CultureInfo.InvariantCulture) ?? "000"}-{Escape(Document)}-{Escape(Recipient)}";

    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '@' or '_' or '+' or '-')
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('~').Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
