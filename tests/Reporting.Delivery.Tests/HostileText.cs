using System.Text.RegularExpressions;

namespace Reporting.Delivery.Tests;

/// <summary>Names as a strategy file may hold them, and the check that an HTML body carries them as text only.</summary>
internal static partial class HostileText
{
    public const string Department = "<script>alert(\"dept\")</script> R&D 'Labs'";

    public const string Kpi = "<img src=x onerror=alert(1)> Reach & \"Share\"";

    public const string Organisation = "Acme <b>Holdings</b> & Sons";

    public const string Owner = "O'Brien <owner@evil.example>";

    // The only elements the composers write themselves; anything else in a body came from the data.
    private static readonly HashSet<string> OwnTags = ["!DOCTYPE", "html", "head", "meta", "title", "body", "p", "h2", "table", "tr", "th", "td", "br", "a", "strong", "span"];

    public static void AssertOnlyOwnMarkup(string html)
    {
        var tags = Tag().Matches(html).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Subset(OwnTags, tags);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"<\s*/?\s*(?<name>!?[A-Za-z][A-Za-z0-9]*)")]
    private static partial Regex Tag();
}
