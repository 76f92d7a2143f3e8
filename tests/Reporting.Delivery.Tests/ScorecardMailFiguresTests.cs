using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Core.Wording;
using Reporting.Delivery.Messages;
using Reporting.Testing;

namespace Reporting.Delivery.Tests;

/// <summary>
/// The sample organisation's October 2026 messages against its scorecard.json: every figure either message prints is
/// read from the JSON here (formatted the one way figures are formatted everywhere), and the HTML part says what the
/// text part says, in the same order.
/// </summary>
public sealed partial class ScorecardMailFiguresTests
{
    private static readonly Period October = new(2026, 10);

    private static readonly Lazy<(Scorecard Scorecard, JsonElement Json)> Sample = new(() =>
    {
        var scorecard = SampleOrganisation.Scorecard(October);
        return (scorecard, JsonDocument.Parse(ScorecardJson.Serialize(scorecard)).RootElement.Clone());
    });

    private static readonly UploadInvitation November = new(new Period(2026, 11), new DateOnly(2026, 12, 5), false, "Europe/London",
        new Uri("https://acct.blob.core.windows.net/answers-sales/.page/index.html?sv=1&sig=x#upload=https%3A%2F%2Facct"), new DateTimeOffset(2026, 11, 13, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Leadership_FirstLine_AnswersAreWeCloser_FromThePathPagesFigures()
    {
        var (scorecard, json) = Sample.Value;
        var months = json.GetProperty("path").GetProperty("months").EnumerateArray().ToList();

        var mail = Leadership(scorecard);

        var first = mail.Text.Split('\n')[0];
        Assert.Equal($"Are we closer? {Share(months[^1])} of KPIs on track in October, down from {Share(months[^2])} in September ({Share(months[0])} in November 2025)", first);
        Assert.Equal("Are we closer? 47% of KPIs on track in October, down from 53% in September (24% in November 2025)", first);
        Assert.Equal(("2025-11", "2026-09", "2026-10"), (Period(months[0]), Period(months[^2]), Period(months[^1])));
        Assert.Contains($"<p style=\"margin: 0 0 12px 0; font-size: 20px; line-height: 26px; font-weight: bold;\">{first}</p>", mail.Html);
        var summary = json.GetProperty("summary");
        Assert.Equal($"{Int(summary, "green")} on track, {Int(summary, "amber")} at risk, {Int(summary, "red")} off track, {Int(summary, "missing")} missing: 38 KPIs in 8 departments, data as of {json.GetProperty("dataAsOf").GetString()}.",
            mail.Text.Split('\n')[2]);
    }

    [Fact]
    public void Leadership_DepartmentRows_CarryEachDepartmentsStatusCountsAndLateness_FromTheJson()
    {
        var (scorecard, json) = Sample.Value;

        var rows = Rows(Leadership(scorecard).Text, "Departments");

        var departments = json.GetProperty("departments").EnumerateArray().ToList();
        Assert.Equal(departments.Count, rows.Count);
        var deadline = json.GetProperty("submissionDeadline").GetString();
        for (var i = 0; i < departments.Count; i++)
        {
            var d = departments[i];
            var statuses = d.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("status").GetString()).ToList();
            var counts = string.Join(", ", new[] { ("green", "on track"), ("amber", "at risk"), ("red", "off track"), ("missing", "missing") }
                .Select(s => (Count: statuses.Count(x => x == s.Item1), Word: s.Item2)).Where(c => c.Count > 0).Select(c => $"{c.Count} {c.Word}"));
            var detail = !d.GetProperty("submitted").GetBoolean() ? $"missing: no figures received by the deadline, {deadline} ({statuses.Count} KPIs)"
                : d.GetProperty("late").GetBoolean() ? $"{counts}; late: received {d.GetProperty("receivedOn").GetString()}, after the deadline {deadline}"
                : counts;
            Assert.Equal($"- [{Word(d.GetProperty("status").GetString()!)}] {d.GetProperty("name").GetString()} — {detail}", rows[i]);
        }

        Assert.Equal("- [Missing] Product Development & Business Intelligence — missing: no figures received by the deadline, 2026-11-05 (3 KPIs)", rows[5]);
        Assert.Equal("- [At risk] Sales — 2 on track, 2 at risk", rows[0]);
    }

    [Fact]
    public void Leadership_Movers_NameTheKpiAndDepartment_TheChangeAndTheValuesThenAndNow_FromTheJson()
    {
        var (scorecard, json) = Sample.Value;
        var text = Leadership(scorecard).Text;

        foreach (var (list, title) in new[] { ("improvements", "Biggest improvements on last month"), ("declines", "Biggest declines on last month") })
        {
            var expected = json.GetProperty("summary").GetProperty(list).EnumerateArray().Select(m =>
            {
                var (department, kpi) = Find(json, m.GetProperty("department").GetString()!, m.GetProperty("kpi").GetString()!);
                var unit = Unit(scorecard, department, kpi);
                var word = m.GetProperty("changePercent").GetDouble() > 0 ? "better" : "worse";
                return $"- [{Word(kpi.GetProperty("status").GetString()!)}] {department.GetProperty("name").GetString()}: {kpi.GetProperty("name").GetString()} — " +
                       $"{FigureFormat.ChangeSize(m.GetProperty("changePercent").GetDouble())} {word}: {FigureFormat.Value(Number(kpi, "previousActual"), unit)} → {FigureFormat.Value(Number(kpi, "actual"), unit)}";
            }).ToList();
            Assert.Equal(3, expected.Count);
            Assert.Equal(expected, Rows(text, title));
        }

        Assert.Equal("- [On track] HR & Internal Communications: Staff trained as digital enthusiasts (cumulative) — 8.6% better: 116 → 126", Rows(text, "Biggest improvements on last month")[0]);
        // The word says which way; no sign, which would be read as the value's direction (a rising churn is a decline).
        Assert.All(Rows(text, "Biggest declines on last month"), row => Assert.Matches(" — [0-9][0-9.]*% worse: ", row));
    }

    [Fact]
    public void Leadership_Roadmap_ListsTheMilestonesDueThisMonthAndTheOverdueOnes_FromTheJson()
    {
        var (scorecard, json) = Sample.Value;

        var rows = Rows(Leadership(scorecard).Text, "Roadmap: due or overdue in October 2026");

        var expected = json.GetProperty("departments").EnumerateArray()
            .SelectMany(d => d.GetProperty("kpis").EnumerateArray().Where(k => k.GetProperty("unit").GetString() == "milestone").Select(k => (Department: d, Kpi: k)))
            .Where(m => m.Kpi.GetProperty("monthsUntilDue").GetInt32() == 0 || (m.Kpi.GetProperty("doneIn").ValueKind == JsonValueKind.Null && m.Kpi.GetProperty("monthsUntilDue").GetInt32() < 0))
            .Select(m => $"- [{Word(m.Kpi.GetProperty("status").GetString()!)}] {m.Department.GetProperty("name").GetString()}: {m.Kpi.GetProperty("name").GetString()} — due {m.Kpi.GetProperty("due").GetString()}, ")
            .ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected.Count, rows.Count);
        Assert.All(expected.Zip(rows), pair => Assert.StartsWith(pair.First, pair.Second));
        Assert.EndsWith("overdue by 2 months", rows[0]);
        Assert.EndsWith("due this month", rows[1]);
    }

    [Fact]
    public void DepartmentMail_ListsEveryKpi_NeedingAttentionFirst_WithActualTargetStatusAndChange_FromTheJson()
    {
        var (scorecard, json) = Sample.Value;
        foreach (var d in json.GetProperty("departments").EnumerateArray())
        {
            var department = scorecard.Departments.Single(x => x.Id == d.GetProperty("id").GetString());
            var mail = ScorecardMailComposer.Compose(scorecard, department, "owner@example.org", ScorecardDocument.Attached($"{department.Id}.pdf", [1]), update: false, November);

            var order = new[] { "red", "amber", "missing", "green" };
            var expected = d.GetProperty("kpis").EnumerateArray().OrderBy(k => Array.IndexOf(order, k.GetProperty("status").GetString())).Select(k => Row(department, k)).ToList();
            var rows = Rows(mail.Text, "Your KPIs, those needing attention first");
            // A milestone's row ends with its dates in words (MilestoneWords), which the JSON holds as months.
            Assert.Equal(expected.Count, rows.Count);
            Assert.All(expected.Zip(rows), pair => Assert.StartsWith(pair.First, pair.Second));
            var statuses = d.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("status").GetString()).ToList();
            Assert.StartsWith($"{d.GetProperty("name").GetString()}, October 2026: {statuses.Count(s => s == "green")} of {statuses.Count} KPIs on track", mail.Text);
            AssertSameFactsInTheSameOrder(mail);
        }
    }

    [Fact]
    public void DepartmentMail_Sales_ListsItsFourKpis_AtRiskFirst_ThenItsSubmissionAndItsUploadPage()
    {
        var (scorecard, _) = Sample.Value;
        var sales = scorecard.Departments.Single(d => d.Id == "sales");

        var mail = ScorecardMailComposer.Compose(scorecard, sales, "amara.okafor@northwind.example.org", ScorecardDocument.Attached("sales.pdf", [1]), update: false, November);

        Assert.StartsWith("Sales, October 2026: 2 of 4 KPIs on track; 2 at risk.\n", mail.Text);
        Assert.Equal(
        [
            "- [At risk] New customers reached through social channels — actual 1,090, target 1,200, +73 on last month (better)",
            "- [At risk] Average order value — actual €84.10, target €86.00, +€0.84 on last month (better)",
        ], Rows(mail.Text, "Your KPIs, those needing attention first").Take(2));
        Assert.Equal(4, Rows(mail.Text, "Your KPIs, those needing attention first").Count);
        Assert.Contains("\nSubmission\nOn time: received; the deadline was 2026-11-05 (end of the day, Europe/London time).\n", mail.Text);
        Assert.Contains("\nNext: November 2026's figures are due by 2026-12-05 (end of the day, Europe/London time). Upload them on your department's upload page (link valid until 2026-11-13 06:00 UTC):\n" + November.PageLink.AbsoluteUri + "\n", mail.Text);
        Assert.Contains("<a href=\"https://acct.blob.core.windows.net/answers-sales/.page/index.html?sv=1&amp;sig=x#upload=https%3A%2F%2Facct\" style=\"color: #1e3a8a; font-weight: bold;\">Open your upload page for November 2026</a>", mail.Html);
    }

    [Fact]
    public void DepartmentMail_MissingDepartment_SaysMissingWithTheDeadline_AndNoLinkWhenLinksAreOff()
    {
        var (scorecard, _) = Sample.Value;
        var missing = scorecard.Departments.Single(d => d.Id == "product-development");

        var mail = ScorecardMailComposer.Compose(scorecard, missing, "owner@example.org", ScorecardDocument.Attached("product-development.pdf", [1]), update: false);

        Assert.StartsWith("Product Development & Business Intelligence, October 2026: 0 of 3 KPIs on track; 3 missing.\n", mail.Text);
        Assert.Contains("\nMissing: no figures for October 2026 were accepted by the deadline, 2026-11-05 (end of the day, Europe/London time).", mail.Text);
        Assert.Contains("- [Missing] Trends captured by social listening — no figure (no figure submitted), target 25", mail.Text);
        Assert.DoesNotContain("upload page", mail.Text);
    }

    [Theory]
    [InlineData("sales", "To correct October 2026's figures, upload a corrected file on your department's upload page; the newest upload counts (link valid until 2026-11-17 09:00 UTC):")]
    [InlineData("product-development", "October 2026's figures were due by 2026-11-05 (end of the day, Europe/London time); a late upload is still taken and the scorecard rendered again. Upload them on your department's upload page (link valid until 2026-11-17 09:00 UTC):")]
    [InlineData("hr", "November 2026's figures were due by 2026-12-05 (end of the day, Europe/London time); a late upload is still taken. Upload them on your department's upload page (link valid until 2026-11-17 09:00 UTC):", 11)]
    public void DepartmentMail_ThePageStillAsksForTheScoredMonth_SaysWhatAnUploadNowDoes(string id, string expected, int dueMonth = 10)
    {
        var (scorecard, _) = Sample.Value;
        var october = November with { Period = new Period(2026, dueMonth), Deadline = new DateOnly(2026, dueMonth + 1, 5), DeadlinePassed = true, LinkExpires = new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero) };

        var mail = ScorecardMailComposer.Compose(scorecard, scorecard.Departments.Single(d => d.Id == id), "owner@example.org", ScorecardDocument.Attached("x.pdf", [1]), update: false, october);

        Assert.Contains($"\n{expected}\n{october.PageLink.AbsoluteUri}\n", mail.Text);
    }

    [Fact]
    public void LeadershipMail_HtmlSaysWhatTheTextSays_InTheSameOrder()
    {
        AssertSameFactsInTheSameOrder(Leadership(Sample.Value.Scorecard));
    }

    [Fact]
    public void Html_IsForMailClients_TablesAndInlineStylesOnly_NoScriptNoStyleSheetNoRemoteImage_AtMost640Wide()
    {
        var (scorecard, _) = Sample.Value;
        foreach (var mail in new[] { Leadership(scorecard), ScorecardMailComposer.Compose(scorecard, scorecard.Departments[0], "o@example.org", ScorecardDocument.Attached("sales.pdf", [1]), false, November) })
        {
            foreach (var forbidden in new[] { "<script", "<style", "<link", "<img", "src=", "class=", "url(", "@media", "<div" })
            {
                Assert.DoesNotContain(forbidden, mail.Html, StringComparison.OrdinalIgnoreCase);
            }

            Assert.All(WidthAttribute().Matches(mail.Html).Select(m => m.Groups[1].Value).Where(w => !w.EndsWith('%')), w => Assert.InRange(int.Parse(w, System.Globalization.CultureInfo.InvariantCulture), 1, MailHtml.MaxWidth));
            Assert.Contains("max-width: 640px", mail.Html);
            // Every chip carries its word: as many chips as status words inside them.
            var chips = ChipWord().Matches(mail.Html).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(chips);
            Assert.All(chips, word => Assert.Contains(word, Enum.GetValues<KpiStatus>().Select(StatusWords.Word)));
        }
    }

    private static OutgoingMail Leadership(Scorecard scorecard) =>
        ScorecardMailComposer.Compose(scorecard, null, "ceo@northwind.example.org", ScorecardDocument.Attached("leadership.pdf", [1]), update: false);

    private static string Row(DepartmentScorecard department, JsonElement kpi)
    {
        var unit = department.Kpis.Single(k => k.Id == kpi.GetProperty("id").GetString()).Unit;
        var target = kpi.GetProperty("targetMin").ValueKind == JsonValueKind.Number
            ? $"{FigureFormat.Value(Number(kpi, "targetMin"), unit)}–{FigureFormat.Value(Number(kpi, "targetMax"), unit)}"
            : unit.Kind == UnitKind.Milestone ? "Done" : FigureFormat.Value(Number(kpi, "target"), unit);
        var figures = Number(kpi, "actual") is null
            ? $"no figure ({kpi.GetProperty("missingReason").GetString()}), target {target}"
            : $"actual {FigureFormat.Value(Number(kpi, "actual"), unit)}, target {target}";
        var trend = kpi.GetProperty("changeOnLastMonth").GetString();
        var change = unit.Kind == UnitKind.Milestone ? $", due {kpi.GetProperty("due").GetString()}, "
            : Number(kpi, "actual") is null ? ""
            : Number(kpi, "changeOnPreviousMonth") is { } c ? $", {FigureFormat.Change(c, unit)} on last month" + (trend == "unknown" ? "" : $" ({trend})")
            : ", no figure last month to compare";
        return $"- [{Word(kpi.GetProperty("status").GetString()!)}] {kpi.GetProperty("name").GetString()} — {figures}{change}";
    }

    // The rows of the list under a section's title in the text part.
    private static List<string> Rows(string text, string section)
    {
        var lines = text.Split('\n');
        var start = Array.IndexOf(lines, section);
        Assert.True(start >= 0, $"no section '{section}' in:\n{text}");
        return lines.Skip(start + 1).TakeWhile(l => l.StartsWith("- [", StringComparison.Ordinal)).ToList();
    }

    // Each line of the text part (a row's word, title and detail each) is found in the HTML part's visible text, in order.
    private static void AssertSameFactsInTheSameOrder(OutgoingMail mail)
    {
        // A link's address is the text part's line and the HTML part's href.
        var body = Anchor().Replace(mail.Html[mail.Html.IndexOf("<body", StringComparison.Ordinal)..], "\n$1\n");
        var visible = WebUtility.HtmlDecode(Tag().Replace(body, "\n"));
        var position = 0;
        foreach (var line in mail.Text.Split('\n').Where(l => l.Length > 0 && l != "-- "))
        {
            var row = TextRow().Match(line);
            foreach (var piece in row.Success ? new[] { row.Groups[1].Value, row.Groups[2].Value, row.Groups[3].Value } : [line])
            {
                var found = visible.IndexOf(piece, position, StringComparison.Ordinal);
                Assert.True(found >= 0, $"'{piece}' is in the text part but not in the HTML part after position {position}");
                position = found + piece.Length;
            }
        }
    }

    private static (JsonElement Department, JsonElement Kpi) Find(JsonElement json, string department, string kpi)
    {
        var d = json.GetProperty("departments").EnumerateArray().Single(x => x.GetProperty("id").GetString() == department);
        return (d, d.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == kpi));
    }

    private static Unit Unit(Scorecard scorecard, JsonElement department, JsonElement kpi) => scorecard.Departments
        .Single(d => d.Id == department.GetProperty("id").GetString()).Kpis.Single(k => k.Id == kpi.GetProperty("id").GetString()).Unit;

    private static double? Number(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Number ? element.GetProperty(name).GetDouble() : null;

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    private static string Share(JsonElement month) => $"{Math.Round(month.GetProperty("shareOnTrack").GetDouble() * 100, MidpointRounding.AwayFromZero)}%";

    private static string Period(JsonElement month) => month.GetProperty("period").GetString()!;

    private static string Word(string status) => status switch
    {
        "green" => "On track",
        "amber" => "At risk",
        "red" => "Off track",
        _ => "Missing",
    };

    [GeneratedRegex("<a href=\"([^\"]*)\"[^>]*>")]
    private static partial Regex Anchor();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^- \[([^\]]+)\] (.+?) — (.*)$")]
    private static partial Regex TextRow();

    [GeneratedRegex("""\bwidth="([0-9]+%?)" """)]
    private static partial Regex WidthAttribute();

    [GeneratedRegex(@"white-space: nowrap;"">([^<]*)</span>")]
    private static partial Regex ChipWord();
}
