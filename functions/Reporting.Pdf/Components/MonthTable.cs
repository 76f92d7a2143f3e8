using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Pdf.Documents;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Components;

/// <summary>
/// A tagged table with a row label and one column per month: the header row of months, then rows whose cells are drawn
/// by the caller. Used for the counts under the path chart and for the department x month grid; the header repeats on
/// each new page.
/// </summary>
public static class MonthTable
{
    public static double ColumnWidth(int months) => (Theme.ContentWidth - Theme.GridNameWidth) / Math.Max(1, months);

    public static void Header(PdfBuilder pdf, string corner, IReadOnlyList<Period> months)
    {
        var gfx = pdf.Gfx;
        var y = pdf.Y;
        var width = ColumnWidth(months.Count);
        pdf.Tags.Begin(PdfBlockLevelElementTag.TableRow);
        pdf.Tags.Element(PdfBlockLevelElementTag.TableHeaderCell, () => gfx.DrawString(corner, Theme.TinyBold, Theme.MutedBrush, Theme.Margin, y, XStringFormats.TopLeft));
        for (var i = 0; i < months.Count; i++)
        {
            var x = Theme.Margin + Theme.GridNameWidth + (i * width);
            var label = FigureFormat.Month(months[i], withYear: i == 0 || months[i].Month == 1);
            pdf.Tags.Element(PdfBlockLevelElementTag.TableHeaderCell, () => gfx.DrawString(label, Theme.TinyBold, Theme.MutedBrush, new XRect(x, y, width, 9), XStringFormats.Center));
        }

        pdf.Tags.End();
        pdf.Y += 11;
    }

    /// <summary>A row: its label as a header cell, then one data cell per month drawn by <paramref name="cell"/>.</summary>
    public static void Row(PdfBuilder pdf, string label, int months, Action<int, XRect> cell)
    {
        var gfx = pdf.Gfx;
        var y = pdf.Y;
        var width = ColumnWidth(months);
        pdf.Tags.Begin(PdfBlockLevelElementTag.TableRow);
        pdf.Tags.Element(PdfBlockLevelElementTag.TableHeaderCell, () => gfx.DrawString(
            TextLayout.Ellipsize(gfx, label, Theme.Small, Theme.GridNameWidth - 6), Theme.Small, Theme.InkBrush, Theme.Margin, y + 2.5, XStringFormats.TopLeft));
        for (var i = 0; i < months; i++)
        {
            var box = new XRect(Theme.Margin + Theme.GridNameWidth + (i * width) + 1, y, width - 2, Theme.GridRowHeight - 2);
            var index = i;
            pdf.Tags.Element(PdfBlockLevelElementTag.TableDataCell, () => cell(index, box));
        }

        pdf.Tags.End();
        pdf.Y += Theme.GridRowHeight;
    }

    /// <summary>A status as a coloured cell with its short word, readable without colour.</summary>
    public static void StatusCell(XGraphics gfx, KpiStatus status, XRect box)
    {
        gfx.DrawRectangle(new XSolidBrush(Theme.StatusColor(status)), box);
        gfx.DrawString(Theme.StatusLetter(status), Theme.TinyBold, XBrushes.White, box, XStringFormats.Center);
    }
}
