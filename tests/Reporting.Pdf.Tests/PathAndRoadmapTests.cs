using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Testing;

namespace Reporting.Pdf.Tests;

/// <summary>What a reader sees of the path, the roadmap and the labels, read back from the rendered pack.</summary>
public sealed class PathAndRoadmapTests
{
    private static readonly ScorecardPdfRenderer Renderer = new(Options.Create(new PdfOptions()));

    private static string[] Pages() =>
        PdfText.Extract(Renderer.RenderLeadershipPack(SampleOrganisation.Scorecard(new Period(2026, 10)))).Split('\f');

    [Fact]
    public void PathPage_FollowsTheSummary_WithTheChartCountsGridAndTargetChanges()
    {
        var path = PdfText.Words(Pages()[1]);

        Assert.Contains("Are we closer? The last twelve months", path);
        Assert.Contains("KPIs by status each month", path);
        Assert.Contains("Departments' overall status each month", path);
        Assert.Contains("Nov 25 Dec Jan 26 Feb Mar Apr May Jun Jul Aug Sep Oct", path);
        Assert.Contains("Share on track 24% 21% 21% 24% 24% 24% 24% 26% 24% 26% 53% 47%", path);
        Assert.Contains("▲ 1 target changed", path);
        Assert.Contains("Product Development & Business Intel", path);
    }

    [Fact]
    public void Roadmap_ListsMilestonesByDueMonth_WithDueAndDoneWords()
    {
        var roadmap = PdfText.Words(Pages()[1]);

        Assert.Contains("Roadmap: milestones by due month", roadmap);
        var order = new[] { "Steering committee", "Listening tools", "KPI framework", "Early adopters", "Community management plan", "Ambassador programme", "Influencer partnership", "CRM and social listening" }
            .Select(name => roadmap.IndexOf(name, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        foreach (var words in new[] { "2026-08 Community management plan approved", "overdue by 2 months", "due this month", "due in 2 months", "done in 2026-09" })
        {
            Assert.Contains(words, roadmap);
        }
    }

    [Fact]
    public void DepartmentPages_ShowLabelsThatAgreeWithTheNumbers()
    {
        var pages = Pages();
        var support = PdfText.Words(pages.Single(p => p.Contains("Owner: Jonas")));
        var product = PdfText.Words(pages.Single(p => p.Contains("Owner: Hiroshi")));

        Assert.Matches("Customer churn 2.6% 2% \\+30% Off track \\+0.1 pt 2.7% worse", support);
        Assert.Contains("trend: mixed", support);
        Assert.DoesNotContain("trend:", product); // nothing sent, so no trend
        Assert.DoesNotContain("−100%", PdfText.Words(pages.Single(p => p.Contains("Owner: Olivia"))));
    }
}
