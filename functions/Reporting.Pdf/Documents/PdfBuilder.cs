using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.UniversalAccessibility;
using Reporting.Core.Scorecards;

namespace Reporting.Pdf.Documents;

/// <summary>
/// Holds the document being written and the cursor on the current page. The document is tagged (PDF/UA): language,
/// title shown by viewers, and a structure tree built through <see cref="Tags"/>. PDFsharp's accessibility support only
/// lets a page be drawn on while it is the newest, so the footer ("page X of Y") is drawn when the page is added, and Y
/// comes from a first pass that only lays the pages out (<see cref="CountingPages"/>, drawing nothing). Dates come from
/// the scorecard, never from the clock, so the same scorecard always gives the same bytes.
/// </summary>
public sealed class PdfBuilder : IDisposable
{
    private readonly PdfDocument _document = new();
    private readonly Scorecard _scorecard;
    private readonly string _identity;
    private readonly int? _totalPages;
    private readonly ParentTreeShelf? _parentTree;
    private XGraphics? _gfx;
    private PdfPage? _page;
    private int _pages;

    /// <param name="scorecard">The scorecard, for the footer and the document's dates.</param>
    /// <param name="title">The document title (shown in the viewer's title bar).</param>
    /// <param name="subject">The document subject.</param>
    /// <param name="totalPages">The page count from the counting pass; null for the counting pass itself.</param>
    public PdfBuilder(Scorecard scorecard, string title, string subject, int? totalPages)
    {
        _scorecard = scorecard;
        _totalPages = totalPages;
        _identity = $"{scorecard.Organisation}|{scorecard.Period}|{title}";
        if (CountingPages)
        {
            Tags = new DocumentTags(null);
            return;
        }

        // Content streams are compressed for speed rather than size: deflating them was a tenth of a pack's render time,
        // and the faster level makes the streams only a little larger (the structure tree, uncompressed, is most of the file).
        _document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        var asOf = scorecard.DataAsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        _document.Info.Title = title;
        _document.Info.Author = scorecard.Organisation;
        _document.Info.Subject = subject;
        _document.Info.Creator = "Reporting";
        _document.Info.CreationDate = asOf;
        _document.Info.ModificationDate = asOf;
        var accessibility = UAManager.ForDocument(_document); // marks the document tagged, shows the title, builds the structure tree
        accessibility.SetDocumentLanguage(Theme.Language);
        _document.ViewerPreferences.DisplayDocTitle = true;
        Tags = new DocumentTags(accessibility.StructureBuilder);
        _parentTree = new ParentTreeShelf(accessibility);
        ReproduciblePdf.SetDocumentId(_document, _identity);
    }

    /// <summary>The first pass: lays pages out on a measuring context to count them; draws and tags nothing.</summary>
    public bool CountingPages => _totalPages is null;

    public int PageCount => _pages;

    public DocumentTags Tags { get; }

    public XGraphics Gfx => _gfx ?? throw new InvalidOperationException("no page yet; call NewPage first");

    /// <summary>The vertical position where the next block starts.</summary>
    public double Y { get; set; }

    public double Bottom => Theme.PageHeight - Theme.Margin - 14;

    public void NewPage()
    {
        Tags.CloseMarkedContent();
        _gfx?.Dispose();
        CompressFinishedPage();
        _parentTree?.ShelveFinishedPages();
        _pages++;
        if (CountingPages)
        {
            _gfx = XGraphics.CreateMeasureContext(new XSize(Theme.PageWidth, Theme.PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        }
        else
        {
            var page = _page = _document.AddPage();
            page.Width = XUnit.FromPoint(Theme.PageWidth);
            page.Height = XUnit.FromPoint(Theme.PageHeight);
            _gfx = XGraphics.FromPdfPage(page);
            DrawFooter();
        }

        Y = Theme.Margin;
    }

    /// <summary>Starts a new page when fewer than <paramref name="height"/> points are left; returns whether it did.</summary>
    public bool EnsureSpace(double height)
    {
        if (Y + height <= Bottom)
        {
            return false;
        }

        NewPage();
        return true;
    }

    /// <summary>
    /// Saves the document into <paramref name="output"/> (empty, seekable: the random parts are rewritten in place after
    /// saving) and leaves it positioned at its end.
    /// </summary>
    public void Finish(Stream output)
    {
        Tags.CloseMarkedContent();
        _gfx?.Dispose();
        _gfx = null;
        _parentTree?.Restore();
        _document.Save(output, false);
        ReproduciblePdf.ReplaceRandomParts(output, _identity);
    }

    // A finished page's drawing is deflated now rather than when the document is saved (the same bytes; PDFsharp skips
    // streams already filtered): a large pack otherwise holds every page's drawing uncompressed until the end.
    private void CompressFinishedPage()
    {
        if (_page is null || !_document.Options.CompressContentStreams)
        {
            return;
        }

        foreach (var content in _page.Contents.Elements.Select(item => (item as PdfReference)?.Value).OfType<PdfContent>())
        {
            // PDFsharp leaves streams of 32 bytes or less uncompressed; so do we.
            if (content.Stream?.Length > 32)
            {
                content.Compressed = true;
            }
        }
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    private void DrawFooter() => Tags.Artifact(() =>
    {
        var gfx = Gfx;
        gfx.DrawLine(new XPen(Theme.Rule, 0.5), Theme.Margin, Theme.FooterTop - 4, Theme.PageWidth - Theme.Margin, Theme.FooterTop - 4);
        var left = string.Create(CultureInfo.InvariantCulture, $"{_scorecard.Organisation} · {_scorecard.Period.DisplayName} · data as of {_scorecard.DataAsOf:yyyy-MM-dd}");
        gfx.DrawString(left, Theme.Small, Theme.MutedBrush, Theme.Margin, Theme.FooterTop, XStringFormats.TopLeft);
        gfx.DrawString(string.Create(CultureInfo.InvariantCulture, $"Page {_pages} of {_totalPages}"), Theme.Small, Theme.MutedBrush, Theme.PageWidth - Theme.Margin, Theme.FooterTop, XStringFormats.TopRight);
    });
}
