using Microsoft.Extensions.Options;
using Reporting.Core.Scorecards;
using Reporting.Pdf.Documents;

namespace Reporting.Pdf;

/// <summary>
/// Renders a <see cref="Scorecard"/> as the leadership pack and as one PDF per department. Each document is laid out
/// twice: once on a measuring context to count its pages (for "page X of Y"), then for real, tagged.
/// </summary>
public sealed class ScorecardPdfRenderer
{
    public ScorecardPdfRenderer(IOptions<PdfOptions> options)
    {
        PdfSetup.EnsureConfigured(options.Value);
    }

    public byte[] RenderLeadershipPack(Scorecard scorecard) => Render(scorecard,
        $"{scorecard.Organisation} digital engagement scorecard, {scorecard.Period.DisplayName}",
        $"Leadership pack for {scorecard.Period}: status of every department's KPIs against the strategy's targets",
        pdf =>
        {
            SummaryPage.Compose(pdf, scorecard);
            PathPage.Compose(pdf, scorecard);
            RoadmapPage.Compose(pdf, scorecard);
            foreach (var department in scorecard.Departments)
            {
                DepartmentSection.Compose(pdf, scorecard, department);
            }
        });

    public byte[] RenderDepartment(Scorecard scorecard, DepartmentScorecard department) => Render(scorecard,
        $"{department.Name} scorecard, {scorecard.Period.DisplayName}",
        $"{department.Name}: KPIs for {scorecard.Period} against the strategy's targets",
        pdf => DepartmentSection.Compose(pdf, scorecard, department));

    private static byte[] Render(Scorecard scorecard, string title, string subject, Action<PdfBuilder> compose)
    {
        int pages;
        using (var counting = new PdfBuilder(scorecard, title, subject, totalPages: null))
        {
            compose(counting);
            pages = counting.PageCount;
        }

        using var pdf = new PdfBuilder(scorecard, title, subject, pages);
        compose(pdf);
        return pdf.Finish();
    }
}
