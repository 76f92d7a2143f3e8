using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using Reporting.Pdf;

namespace Reporting.Benchmarks;

/// <summary>
/// The ceiling for rendering: bare PDFsharp drawing, per page, as many text runs, lines, rectangles and curves as a
/// rendered document has, with no layout, no measuring, no tagging. Our pack's speed as a share of this is what our own
/// layout and accessibility cost.
/// </summary>
internal static class BareRenderCeiling
{
    public sealed record PageDrawing(int Texts, int Lines, int Rectangles, int Curves);

    /// <summary>Counts the drawing operators on each page of a rendered PDF (Tj/TJ, l, re, c).</summary>
    public static IReadOnlyList<PageDrawing> Count(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var pages = new List<PageDrawing>();
        foreach (var page in document.Pages)
        {
            var names = ContentReader.ReadContent(page).OfType<COperator>().Select(o => o.OpCode.Name).ToList();
            pages.Add(new PageDrawing(names.Count(n => n is "Tj" or "TJ"), names.Count(n => n == "l"), names.Count(n => n == "re"), names.Count(n => n == "c")));
        }

        return pages;
    }

    /// <summary>Draws the same number of each on the same number of pages, and saves.</summary>
    public static byte[] Render(IReadOnlyList<PageDrawing> pages)
    {
        using var document = new PdfDocument();
        var pen = new XPen(Theme.Ink, 0.5);
        foreach (var drawing in pages)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(Theme.PageWidth);
            page.Height = XUnit.FromPoint(Theme.PageHeight);
            using var gfx = XGraphics.FromPdfPage(page);
            for (var i = 0; i < drawing.Texts; i++)
            {
                gfx.DrawString($"Text run {i}: 1,234.5", Theme.Body, Theme.InkBrush, Theme.Margin + (i % 5 * 90), Theme.Margin + (i / 5 % 70 * 11), XStringFormats.TopLeft);
            }

            for (var i = 0; i < drawing.Lines; i++)
            {
                gfx.DrawLine(pen, Theme.Margin, 60 + (i % 700), Theme.PageWidth - Theme.Margin, 60 + (i % 700));
            }

            for (var i = 0; i < drawing.Rectangles; i++)
            {
                gfx.DrawRectangle(Theme.MutedBrush, Theme.Margin + (i % 10 * 50), 60 + (i / 10 % 70 * 10), 40, 8);
            }

            for (var i = 0; i < drawing.Curves / 4; i++)
            {
                gfx.DrawEllipse(Theme.MutedBrush, Theme.Margin + (i % 10 * 50), 60 + (i / 10 % 70 * 10), 6, 6);
            }
        }

        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }
}
