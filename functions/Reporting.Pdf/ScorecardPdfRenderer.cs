using Microsoft.Extensions.Options;
using Reporting.Core.Scorecards;
using Reporting.Pdf.Documents;

namespace Reporting.Pdf;

/// <summary>
/// Renders a <see cref="Scorecard"/> as the leadership pack and as one PDF per department. Each document is laid out
/// twice: once on a measuring context to count its pages (for "page X of Y"), then for real, tagged. A document is
/// written into a stream the caller gives (the publisher gives a temporary file), so a pack of a hundred megabytes is
/// not also held as bytes while PDFsharp still holds the document.
/// </summary>
public sealed class ScorecardPdfRenderer
{
    public ScorecardPdfRenderer(IOptions<PdfOptions> options)
    {
        PdfSetup.EnsureConfigured(options.Value);
    }

    /// <summary>Writes the leadership pack into <paramref name="destination"/>: empty, readable, writable and seekable.</summary>
    public void RenderLeadershipPack(Scorecard scorecard, Stream destination) => Render(scorecard,
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
        },
        destination);

    /// <summary>Writes one department's scorecard into <paramref name="destination"/>: empty, readable, writable and seekable.</summary>
    public void RenderDepartment(Scorecard scorecard, DepartmentScorecard department, Stream destination) => Render(scorecard,
        $"{department.Name} scorecard, {scorecard.Period.DisplayName}",
        $"{department.Name}: KPIs for {scorecard.Period} against the strategy's targets",
        pdf => DepartmentSection.Compose(pdf, scorecard, department),
        destination);

    public byte[] RenderLeadershipPack(Scorecard scorecard) => InMemory(destination => RenderLeadershipPack(scorecard, destination));

    public byte[] RenderDepartment(Scorecard scorecard, DepartmentScorecard department) => InMemory(destination => RenderDepartment(scorecard, department, destination));

    private static byte[] InMemory(Action<Stream> render)
    {
        using var destination = new MemoryStream();
        render(destination);
        return destination.ToArray();
    }

    private static void Render(Scorecard scorecard, string title, string subject, Action<PdfBuilder> compose, Stream destination)
    {
        if (!destination.CanSeek || !destination.CanRead || !destination.CanWrite || destination.Length != 0)
        {
            throw new ArgumentException("A PDF is rendered into an empty stream that can be read, written and sought.", nameof(destination));
        }

        int pages;
        using (var counting = new PdfBuilder(scorecard, title, subject, totalPages: null))
        {
            compose(counting);
            pages = counting.PageCount;
        }

        using var pdf = new PdfBuilder(scorecard, title, subject, pages);
        compose(pdf);
        pdf.Finish(destination);
    }
}
