using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Core.Wording;
using Reporting.Testing;

namespace Reporting.Pdf.Tests;

public sealed class ScorecardPdfRendererTests
{
    private static readonly Period October = new(2026, 10);
    private static readonly ScorecardPdfRenderer Renderer = new(Options.Create(new PdfOptions()));

    private static Scorecard SampleScorecard() => SampleOrganisation.Scorecard(October);

    [Fact]
    public void RenderLeadershipPack_Summary_GivesTheDeadlineWithItsZone()
    {
        var scorecard = SampleScorecard(); // the sample strategy is in Europe/London, and one department is missing

        var words = PdfText.Words(PdfText.Extract(Renderer.RenderLeadershipPack(scorecard), layout: false));

        Assert.Contains("Missing by the deadline, 2026-11-05 (Europe/London):", words);
        var allIn = PdfText.Words(PdfText.Extract(Renderer.RenderLeadershipPack(scorecard with
        {
            Departments = [.. scorecard.Departments.Select(d => d with { Submitted = true })],
            TimeZone = "Asia/Tokyo",
        }), layout: false));
        Assert.Contains("by the deadline, 2026-11-05 (Asia/Tokyo).", allIn);
    }

    [Fact]
    public void RenderDepartment_LateDepartment_SaysWhenItWasDueAndInWhichZone()
    {
        var scorecard = SampleScorecard() with { TimeZone = "America/New_York" };
        var support = scorecard.Departments.Single(d => d.Id == "customer-support") with { ReceivedOn = new DateOnly(2026, 11, 6), IsLate = true };

        var text = PdfText.Words(PdfText.Extract(Renderer.RenderDepartment(scorecard, support), layout: false));

        Assert.Contains("Figures received 2026-11-06, late: due 2026-11-05 (America/New_York)", text);
    }

    [Fact]
    public void RenderLeadershipPack_SampleOrganisation_HasSummaryAndOnePagePerDepartment()
    {
        var scorecard = SampleScorecard();

        var text = PdfText.Extract(Renderer.RenderLeadershipPack(scorecard));

        var pages = 2 + scorecard.Departments.Count; // summary, the path with the roadmap, one page per department
        Assert.Equal(pages, PdfText.PageCount(text));
        Assert.Contains("Digital engagement scorecard · October 2026", text);
        Assert.Contains("Missing and late submissions", text);
        foreach (var department in scorecard.Departments)
        {
            Assert.Contains(department.Name, text);
        }

        // Each KPI's status is on its own row, on its department's page: the row (one line in the layout) that starts with
        // the KPI's name holds its figure and its status word, and no other status word.
        var statusWords = Enum.GetValues<KpiStatus>().Select(Theme.StatusWord).ToList();
        var departmentPages = PdfText.Pages(text).Skip(2).ToList();
        var readingOrder = PdfText.Pages(PdfText.Extract(Renderer.RenderLeadershipPack(scorecard), layout: false)).Skip(2).ToList();
        Assert.Equal(scorecard.Departments.Count, departmentPages.Count);
        foreach (var (department, page, words) in scorecard.Departments.Zip(departmentPages, readingOrder))
        {
            Assert.Contains(department.Name, PdfText.Words(words));
            foreach (var kpi in department.Kpis)
            {
                var start = string.Join(' ', kpi.Name.Split(' ').Take(2));
                var row = Assert.Single(page.Split('\n'), line => line.TrimStart().StartsWith(start, StringComparison.Ordinal) && statusWords.Any(line.Contains));
                Assert.Equal([Theme.StatusWord(kpi.Status)], statusWords.Where(row.Contains));
                Assert.Contains(FigureFormat.Value(kpi.Actual, kpi.Unit), row);
            }
        }

        Assert.Contains($"Page 1 of {pages}", text);
        Assert.Contains($"Page {pages} of {pages}", text);
        Assert.Contains("data as of 2026-10-31", text);
    }

    [Fact]
    public void RenderDepartment_ListsEveryKpiAndTheComments()
    {
        var scorecard = SampleScorecard();
        var support = scorecard.Departments.Single(d => d.Id == "customer-support");

        var text = PdfText.Words(PdfText.Extract(Renderer.RenderDepartment(scorecard, support), layout: false));

        foreach (var kpi in support.Kpis)
        {
            Assert.Contains(PdfText.Words(kpi.Name), text);
        }

        Assert.Contains("Call-centre contract reduced from 40 to 32 seats", text);
    }

    [Fact]
    public void Render_SameScorecardTwice_GivesIdenticalBytes()
    {
        var scorecard = SampleScorecard();
        Assert.Equal(Renderer.RenderLeadershipPack(scorecard), Renderer.RenderLeadershipPack(scorecard));
        Assert.Equal(Renderer.RenderDepartment(scorecard, scorecard.Departments[0]), Renderer.RenderDepartment(scorecard, scorecard.Departments[0]));
    }

    [Fact]
    public void Render_LongAndNonLatinNames_AreAllPresentAndWrapped()
    {
        var longKpi = "Proportion of customer enquiries resolved within one day, al"; // 60 characters
        var longDepartment = "Ελληνικά & Кириллица Łódź Straße Département"; // 40+ characters, several scripts
        var department = new Department("intl", longDepartment, "Zoë Łukasiewicz", [
            new KpiBuilder("long").Named(longKpi).Unit(UnitKind.Percent).Target(80),
            new KpiBuilder("greek").Named("Αριθμός μελών κοινότητας").Target(100),
        ]);
        var strategy = new EngagementStrategy("Société Générale d'Été", "1", [department]);
        var scorecard = ScorecardBuilder.Build(strategy, October, [new KpiFigure("intl", October, "long", 75, "Très bien — ßeta")]);

        var text = PdfText.Words(PdfText.Extract(Renderer.RenderLeadershipPack(scorecard), layout: false));

        Assert.Equal(60, longKpi.Length);
        foreach (var expected in new[] { longDepartment, longKpi, "Αριθμός μελών κοινότητας", "Société Générale d'Été", "Zoë Łukasiewicz", "Très bien — ßeta" })
        {
            Assert.True(text.Contains(PdfText.Words(expected), StringComparison.Ordinal), $"'{expected}' not found in:\n{text}");
        }
    }

    [Fact]
    public void Render_ManyKpis_PaginatesTheDepartment()
    {
        var kpis = Enumerable.Range(1, 60).Select(i => new KpiBuilder($"kpi-{i}").Named($"Measure number {i} with a reasonably long descriptive name").Target(10).Build()).ToList();
        var strategy = new EngagementStrategy("Org", "1", [new Department("big", "Big Department", "", kpis)]);
        var scorecard = ScorecardBuilder.Build(strategy, October, kpis.Select(k => new KpiFigure("big", October, k.Id, 9, null)));

        var text = PdfText.Extract(Renderer.RenderDepartment(scorecard, scorecard.Departments[0]));

        // 60 rows of about 30 points do not fit one A4 page: the table goes on to a second page, and no row is lost or doubled.
        var pages = PdfText.Pages(text);
        Assert.True(pages.Count > 1, "one page for 60 rows");
        Assert.All(pages, page => Assert.Contains("Measure number ", page)); // no empty page
        var numbers = pages.SelectMany(page => page.Split('\n'))
            .Select(line => line.TrimStart())
            .Where(line => line.StartsWith("Measure number ", StringComparison.Ordinal))
            .Select(line => int.Parse(line.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Enumerable.Range(1, 60), numbers);
        Assert.Contains("Measure number 60 ", pages[^1]);
    }
}
