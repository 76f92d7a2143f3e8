using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Delivery.Messages;
using Reporting.Delivery.Sending;

namespace Reporting.Delivery.Tests;

/// <summary>The scorecard messages with names a strategy file may hold: text in the text body, escaped text in the HTML body.</summary>
public sealed class ScorecardMailComposerTests
{
    private static readonly Period October = new(2026, 10);

    private static readonly Uri LargePdf = new("https://acct.blob.core.windows.net/scorecards/2026-10/versions/001/leadership.pdf?sv=2025-01-05&sr=b&sig=a%2Bb%3D&se=2026-12-01");

    [Fact]
    public void Compose_LeadershipMail_WithHostileNames_EscapesThemInTheHtml_AndKeepsThemAsTextElsewhere()
    {
        var mail = ScorecardMailComposer.Compose(Scorecard(), null, "ceo@example.org",
            ScorecardDocument.Linked("leadership.pdf", LargePdf, new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)), update: false);

        Assert.Equal("Acme <b>Holdings</b> & Sons scorecard, October 2026", mail.Subject);
        Assert.Contains($"- [On track] {HostileText.Department}: {HostileText.Kpi} — 50% better: 100 → 150\n", mail.Text);
        Assert.Contains("- [Missing] Ops & <Co> — missing: no figures received by the deadline, 2026-11-05 (0 KPIs)\n", mail.Text);

        HostileText.AssertOnlyOwnMarkup(mail.Html);
        Assert.Contains("<strong>&lt;script&gt;alert(&quot;dept&quot;)&lt;/script&gt; R&amp;D &#39;Labs&#39;: &lt;img src=x onerror=alert(1)&gt; Reach &amp; &quot;Share&quot;</strong>", mail.Html);
        Assert.Contains("<strong>Ops &amp; &lt;Co&gt;</strong>", mail.Html);
        Assert.Contains("<title>Acme &lt;b&gt;Holdings&lt;/b&gt; &amp; Sons scorecard, October 2026</title>", mail.Html);
        Assert.Contains("Strategy version 2026-11 &lt;draft&gt; &amp; &quot;final&quot;.", mail.Html);
        // The link's '&' are escaped inside the attribute, so the href reads back as the very link.
        Assert.Contains("<a href=\"https://acct.blob.core.windows.net/scorecards/2026-10/versions/001/leadership.pdf?sv=2025-01-05&amp;sr=b&amp;sig=a%2Bb%3D&amp;se=2026-12-01\" ", mail.Html);
    }

    [Fact]
    public void Compose_DepartmentMail_WithAHostileName_EscapesItInTheHtml()
    {
        var scorecard = Scorecard();
        var mail = ScorecardMailComposer.Compose(scorecard, scorecard.Departments[0], "owner@rnd.example.org",
            ScorecardDocument.Attached("rnd.pdf", [1, 2, 3]), update: true);

        Assert.Equal($"Updated: {HostileText.Department} scorecard, October 2026", mail.Subject);
        HostileText.AssertOnlyOwnMarkup(mail.Html);
        Assert.StartsWith($"{HostileText.Department}, October 2026: 2 of 2 KPIs on track.\n\nUpdated: the scorecard was rendered again", mail.Text);
        Assert.Contains($"- [On track] {HostileText.Kpi} — actual 150, target 120, +50 on last month (better)\n", mail.Text);
        Assert.Contains("<strong>&lt;img src=x onerror=alert(1)&gt; Reach &amp; &quot;Share&quot;</strong>", mail.Html);
        Assert.Contains("&lt;script&gt;alert(&quot;dept&quot;)&lt;/script&gt; R&amp;D &#39;Labs&#39;, October 2026: 2 of 2 KPIs on track.</p>", mail.Html);
        Assert.Contains(">The PDF is attached (rnd.pdf).</p>", mail.Html);
        Assert.Equal("rnd.pdf", mail.Attachment!.FileName);
    }

    [Fact]
    public void Compose_LinkThatTriesToCloseItsAttribute_StaysInsideIt()
    {
        var link = new Uri("https://acct.blob.core.windows.net/scorecards/x.pdf?sig=\"><script>alert(1)</script>");

        var mail = ScorecardMailComposer.Compose(Scorecard(), null, "ceo@example.org", ScorecardDocument.Linked("x.pdf", link, DateTimeOffset.UnixEpoch), update: false);

        HostileText.AssertOnlyOwnMarkup(mail.Html);
        Assert.Contains("<a href=\"https://acct.blob.core.windows.net/scorecards/x.pdf?sig=%22%3E%3Cscript%3Ealert(1)%3C/script%3E\" ", mail.Html);
    }

    [Fact]
    public void MimeMail_CarriesTheComposedBodiesUnchanged()
    {
        var mail = ScorecardMailComposer.Compose(Scorecard(), null, "ceo@example.org", ScorecardDocument.Attached("leadership.pdf", [1]), update: false);

        var message = MimeMail.Build(mail, "scorecards@example.org", "Scorecards");

        Assert.Equal(mail.Subject, message.Subject);
        Assert.Equal(mail.Html, message.HtmlBody);
        Assert.Equal(mail.Text, message.TextBody);
    }

    private static Scorecard Scorecard()
    {
        var improved = Kpi("reach", HostileText.Kpi, actual: 150, previous: 100);
        var declined = Kpi("cost", "Support cost", actual: 50, previous: 100);
        var rnd = new DepartmentScorecard("rnd", HostileText.Department, HostileText.Owner, true, KpiStatus.Green, [improved, declined], new DateOnly(2026, 11, 2));
        var ops = new DepartmentScorecard("ops", "Ops & <Co>", "Ann", false, KpiStatus.Missing, []);
        return new Scorecard(HostileText.Organisation, "2026-11 <draft> & \"final\"", October, new DateOnly(2026, 11, 5), [rnd, ops], TimeZone: "Europe/London");
    }

    private static KpiScore Kpi(string id, string name, double actual, double previous) =>
        new(id, name, Unit.Count, Direction.HigherIsBetter, actual, new Target(120, null, null, "120"), KpiStatus.Green, null, previous,
            null, null, [previous, actual], Trend.Better, "<i>comment</i>", false, null);
}
