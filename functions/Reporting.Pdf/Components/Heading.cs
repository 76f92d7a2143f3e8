using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using Reporting.Pdf.Documents;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Components;

/// <summary>Headings and paragraphs drawn at the cursor and tagged (H1/H2, P), so screen readers can navigate by heading.</summary>
public static class Heading
{
    /// <summary>A section heading (H2) with room for at least <paramref name="keepWith"/> points of what follows.</summary>
    public static void Section(PdfBuilder pdf, string text, double keepWith = 40)
    {
        pdf.Y += 12;
        pdf.EnsureSpace(18 + keepWith);
        pdf.Tags.Element(PdfBlockLevelElementTag.Heading2, () =>
            pdf.Gfx.DrawString(text, Theme.Heading, Theme.InkBrush, Theme.Margin, pdf.Y, XStringFormats.TopLeft));
        pdf.Y += 18;
    }

    /// <summary>A page title (H1), wrapped over up to two lines, leaving <paramref name="reserved"/> points on the right.</summary>
    public static void Title(PdfBuilder pdf, string text, double reserved = 0)
    {
        var lines = TextLayout.Wrap(pdf.Gfx, text, Theme.Title, Theme.ContentWidth - reserved, maxLines: 2);
        pdf.Tags.Element(PdfBlockLevelElementTag.Heading1, () =>
            TextLayout.DrawLines(pdf.Gfx, lines, Theme.Title, Theme.InkBrush, Theme.Margin, pdf.Y, 22));
        pdf.Y += lines.Count * 22;
    }

    /// <summary>A wrapped paragraph (P) across the content width.</summary>
    public static void Paragraph(PdfBuilder pdf, string text, XFont font, XBrush brush, int maxLines = 10)
    {
        var lines = TextLayout.Wrap(pdf.Gfx, text, font, Theme.ContentWidth, maxLines);
        pdf.EnsureSpace(lines.Count * 11);
        pdf.Tags.Element(PdfBlockLevelElementTag.Paragraph, () =>
            TextLayout.DrawLines(pdf.Gfx, lines, font, brush, Theme.Margin, pdf.Y, 11));
        pdf.Y += (lines.Count * 11) + 2;
    }
}
