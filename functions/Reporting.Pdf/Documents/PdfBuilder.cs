using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Reporting.Core.Scorecards;

namespace Reporting.Pdf.Documents;

/// <summary>
/// Holds the document being written and the cursor on the current page. Footers ("data as of", page X of Y)
/// are drawn last, once the page count is known. Dates come from the scorecard, never from the clock,
/// so the same scorecard always gives the same bytes.
/// </summary>
public sealed class PdfBuilder : IDisposable
{
    private readonly PdfDocument _document = new();
    private readonly Scorecard _scorecard;
    private readonly string _identity;
    private XGraphics? _gfx;

    public PdfBuilder(Scorecard scorecard, string title, string subject)
    {
        _scorecard = scorecard;
        var asOf = scorecard.DataAsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        _document.Info.Title = title;
        _document.Info.Author = scorecard.Organisation;
        _document.Info.Subject = subject;
        _document.Info.Creator = "Reporting";
        _document.Info.CreationDate = asOf;
        _document.Info.ModificationDate = asOf;
        _document.Language = "en";
        _identity = $"{scorecard.Organisation}|{scorecard.Period}|{title}";
        ReproduciblePdf.SetDocumentId(_document, _identity);
    }

    public XGraphics Gfx => _gfx ?? throw new InvalidOperationException("no page yet; call NewPage first");

    /// <summary>The vertical position where the next block starts.</summary>
    public double Y { get; set; }

    public double Bottom => Theme.PageHeight - Theme.Margin - 14;

    public void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(Theme.PageWidth);
        page.Height = XUnit.FromPoint(Theme.PageHeight);
        _gfx = XGraphics.FromPdfPage(page);
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

    public byte[] Finish()
    {
        _gfx?.Dispose();
        _gfx = null;
        DrawFooters();
        using var output = new MemoryStream();
        _document.Save(output, false);
        return ReproduciblePdf.ReplaceRandomParts(output.ToArray(), _identity);
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    private void DrawFooters()
    {
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var gfx = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            gfx.DrawLine(new XPen(Theme.Rule, 0.5), Theme.Margin, Theme.FooterTop - 4, Theme.PageWidth - Theme.Margin, Theme.FooterTop - 4);
            var left = string.Create(CultureInfo.InvariantCulture, $"{_scorecard.Organisation} · {_scorecard.Period.DisplayName} · data as of {_scorecard.DataAsOf:yyyy-MM-dd}");
            gfx.DrawString(left, Theme.Small, Theme.MutedBrush, Theme.Margin, Theme.FooterTop, XStringFormats.TopLeft);
            gfx.DrawString(string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {count}"), Theme.Small, Theme.MutedBrush, Theme.PageWidth - Theme.Margin, Theme.FooterTop, XStringFormats.TopRight);
        }
    }
}
