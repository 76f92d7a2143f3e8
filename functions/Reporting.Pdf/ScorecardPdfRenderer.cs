using Microsoft.Extensions.Options;
using Reporting.Core.Scorecards;
using Reporting.Pdf.Documents;

namespace Reporting.Pdf;

/// <summary>Renders a <see cref="Scorecard"/> as the leadership pack and as one PDF per department.</summary>
public sealed class ScorecardPdfRenderer
{
    public ScorecardPdfRenderer(IOptions<PdfOptions> options)
    {
        PdfSetup.EnsureConfigured(options.Value);
    }

    public byte[] RenderLeadershipPack(Scorecard scorecard)
    {
        using var pdf = new PdfBuilder(scorecard,
            $"{scorecard.Organisation} digital engagement scorecard, {scorecard.Period.DisplayName}",
            $"Leadership pack for {scorecard.Period}: status of every department's KPIs against the strategy's targets");
        SummaryPage.Compose(pdf, scorecard);
        foreach (var department in scorecard.Departments)
        {
            DepartmentSection.Compose(pdf, scorecard, department);
        }

        return pdf.Finish();
    }

    public byte[] RenderDepartment(Scorecard scorecard, DepartmentScorecard department)
    {
        using var pdf = new PdfBuilder(scorecard,
            $"{department.Name} scorecard, {scorecard.Period.DisplayName}",
            $"{department.Name}: KPIs for {scorecard.Period} against the strategy's targets");
        DepartmentSection.Compose(pdf, scorecard, department);
        return pdf.Finish();
    }
}
