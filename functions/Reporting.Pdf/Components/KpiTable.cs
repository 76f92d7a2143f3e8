using PdfSharp.Drawing;
using Reporting.Core.Scorecards;
using Reporting.Pdf.Documents;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Components;

/// <summary>A department's KPIs: name, actual, target, variance, status, change on last month, 12-month trend. Repeats its header on each new page.</summary>
public static class KpiTable
{
    private static readonly (string Title, double Width)[] Columns =
    [
        ("KPI", 126), ("Actual", 54), ("Target", 60), ("Variance", 46), ("Status", 57), ("vs last month", 50), ("Year to date", 60), ("12 months", 58),
    ];

    private const double LineHeight = 10.5;
    private const double Padding = 5;

    public static void Draw(PdfBuilder pdf, IReadOnlyList<KpiScore> kpis)
    {
        DrawHeader(pdf);
        for (var i = 0; i < kpis.Count; i++)
        {
            var kpi = kpis[i];
            var nameLines = TextLayout.Wrap(pdf.Gfx, kpi.Name, Theme.Body, Columns[0].Width - 6, maxLines: 3);
            var height = Math.Max(nameLines.Count * LineHeight, kpi.MissingReason is null ? 22 : 32) + (2 * Padding);
            if (pdf.EnsureSpace(height))
            {
                DrawHeader(pdf);
                nameLines = TextLayout.Wrap(pdf.Gfx, kpi.Name, Theme.Body, Columns[0].Width - 6, maxLines: 3);
            }

            DrawRow(pdf, kpi, nameLines, height, shaded: i % 2 == 1);
        }
    }

    private const double HeaderHeight = 22;

    private static void DrawHeader(PdfBuilder pdf)
    {
        var x = Theme.Margin;
        pdf.Gfx.DrawRectangle(new XSolidBrush(Theme.Accent), x, pdf.Y, Theme.ContentWidth, HeaderHeight);
        foreach (var (title, width) in Columns)
        {
            var lines = TextLayout.Wrap(pdf.Gfx, title, Theme.Chip, width - 6, maxLines: 2);
            var top = pdf.Y + ((HeaderHeight - (lines.Count * 8)) / 2);
            TextLayout.DrawLines(pdf.Gfx, lines, Theme.Chip, XBrushes.White, x + 3, top, 8);
            x += width;
        }

        pdf.Y += HeaderHeight;
    }

    private static void DrawRow(PdfBuilder pdf, KpiScore kpi, IReadOnlyList<string> nameLines, double height, bool shaded)
    {
        var gfx = pdf.Gfx;
        var top = pdf.Y;
        if (shaded)
        {
            gfx.DrawRectangle(new XSolidBrush(Theme.Band), Theme.Margin, top, Theme.ContentWidth, height);
        }

        var x = Theme.Margin;
        TextLayout.DrawLines(gfx, nameLines, Theme.Body, Theme.InkBrush, x + 3, top + Padding, LineHeight);
        x += Columns[0].Width;

        Cell(gfx, FigureFormat.Value(kpi.Actual, kpi.Unit), Theme.BodyBold, ref x, top, 1);
        Cell(gfx, FigureFormat.Target(kpi.Target, kpi.Unit), Theme.Body, ref x, top, 2);
        Cell(gfx, FigureFormat.Percent(kpi.VariancePercent), Theme.Body, ref x, top, 3);
        StatusChip.Draw(gfx, kpi.Status, x + 3, top + Padding);
        if (kpi.Status == Core.Scoring.KpiStatus.Missing && kpi.MissingReason is { } reason)
        {
            var why = TextLayout.Wrap(gfx, reason, Theme.Small, Columns[4].Width - 4, maxLines: 2);
            TextLayout.DrawLines(gfx, why, Theme.Small, Theme.MutedBrush, x + 3, top + Padding + StatusChip.Height + 2, 8);
        }

        x += Columns[4].Width;
        Cell(gfx, FigureFormat.Change(kpi.ChangeOnPreviousMonth, kpi.Unit), Theme.Body, ref x, top, 5);
        Cell(gfx, FigureFormat.Value(kpi.YearToDate, kpi.Unit), Theme.Body, ref x, top, 6);
        Sparkline.Draw(gfx, kpi.History, kpi.Target, new XRect(x + 4, top + Padding, Columns[7].Width - 10, height - (2 * Padding)));

        gfx.DrawLine(new XPen(Theme.Rule, 0.4), Theme.Margin, top + height, Theme.PageWidth - Theme.Margin, top + height);
        pdf.Y = top + height;
    }

    private static void Cell(XGraphics gfx, string text, XFont font, ref double x, double top, int column)
    {
        var width = Columns[column].Width;
        var fitted = TextLayout.Ellipsize(gfx, text, font, width - 6);
        gfx.DrawString(fitted, font, Theme.InkBrush, new XRect(x + 3, top + Padding, width - 6, LineHeight), XStringFormats.TopLeft);
        x += width;
    }
}
