using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Delivery.Messages;

namespace Reporting.Delivery.Tests;

/// <summary>The deadline messages with names a strategy file may hold: escaped in the HTML body, links kept intact.</summary>
public sealed class ReminderMailComposerTests
{
    private static readonly Period October = new(2026, 10);

    private static readonly DateOnly Deadline = new(2026, 11, 5);

    private static readonly Department Rnd = new("rnd", HostileText.Department, HostileText.Owner, [], "owner@rnd.example.org");

    [Fact]
    public void Reminder_WithHostileNames_EscapesThemInTheHtml_AndKeepsTheLinksWhole()
    {
        var page = new Uri("https://acct.blob.core.windows.net/answers-rnd/.page/index.html?sv=2025-01-05&sr=c&sp=r&sig=pAgE%3D#upload=https%3A%2F%2Facct.blob.core.windows.net%2Fsubmissions-rnd%3Fsv%3D2025-01-05%26sig%3DuP%3D");
        var upload = new Uri("https://acct.blob.core.windows.net/submissions-rnd?sv=2025-01-05&sr=c&sp=cw&sig=uP%3D");

        var mail = ReminderMailComposer.Reminder(HostileText.Organisation, Rnd, October, Deadline, "Europe/London", page, upload,
            new DateTimeOffset(2026, 11, 9, 8, 0, 0, TimeSpan.Zero), "2026-10.csv", "period,kpi,value\n");

        Assert.Equal($"Reminder: {HostileText.Department} figures for October 2026 are due 2026-11-05", mail.Subject);
        Assert.Contains($"The {HostileText.Organisation} scorecard needs {HostileText.Department}'s figures", mail.Text);
        HostileText.AssertOnlyOwnMarkup(mail.Html);
        Assert.Contains("<p>The Acme &lt;b&gt;Holdings&lt;/b&gt; &amp; Sons scorecard needs &lt;script&gt;alert(&quot;dept&quot;)&lt;/script&gt; R&amp;D &#39;Labs&#39;&#39;s figures", mail.Html);
        Assert.Contains("<a href=\"https://acct.blob.core.windows.net/answers-rnd/.page/index.html?sv=2025-01-05&amp;sr=c&amp;sp=r&amp;sig=pAgE%3D#upload=https%3A%2F%2Facct.blob.core.windows.net%2Fsubmissions-rnd%3Fsv%3D2025-01-05%26sig%3DuP%3D\">Your upload page</a>", mail.Html);
        Assert.Contains("curl -X PUT -H &quot;x-ms-blob-type: BlockBlob&quot; --data-binary @2026-10.csv &quot;https://acct.blob.core.windows.net/submissions-rnd/2026-10.csv?sv=2025-01-05&amp;sr=c&amp;sp=cw&amp;sig=uP%3D&quot;", mail.Html);
    }

    [Fact]
    public void MissingNotices_WithHostileNames_EscapeThemInTheHtml()
    {
        var ops = new Department("ops", "Ops & <Co>", "Ann \"the boss\"", []);

        var owner = ReminderMailComposer.MissingToOwner(Rnd, October, Deadline, "Europe/London");
        var admin = ReminderMailComposer.MissingToAdmin("admin@example.org", [Rnd, ops], October, Deadline, "Europe/London");

        Assert.Equal($"Missing: {HostileText.Department} figures for October 2026", owner.Subject);
        HostileText.AssertOnlyOwnMarkup(owner.Html);
        HostileText.AssertOnlyOwnMarkup(admin.Html);
        Assert.Contains("<p>- &lt;script&gt;alert(&quot;dept&quot;)&lt;/script&gt; R&amp;D &#39;Labs&#39; (O&#39;Brien &lt;owner@evil.example&gt;, owner@rnd.example.org)</p>", admin.Html);
        Assert.Contains("<p>- Ops &amp; &lt;Co&gt; (Ann &quot;the boss&quot;)</p>", admin.Html);
        Assert.Contains("- Ops & <Co> (Ann \"the boss\")\n", admin.Text);
    }
}
