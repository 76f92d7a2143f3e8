using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Pdf.Documents;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Components;

/// <summary>The biggest moves on last month: "+8.6% better  HR: Staff trained  116 → 126", one paragraph each.</summary>
public static class Movers
{
    public static void Draw(PdfBuilder pdf, string title, IReadOnlyList<KpiMovement> movers, string none)
    {
        Heading.Section(pdf, title, keepWith: 14);
        if (movers.Count == 0)
        {
            Heading.Paragraph(pdf, none, Theme.Body, Theme.MutedBrush);
            return;
        }

        foreach (var mover in movers)
        {
            pdf.EnsureSpace(14);
            var gfx = pdf.Gfx;
            var kpi = mover.Kpi;
            var y = pdf.Y;
            var better = kpi.ChangeOnLastMonth == Trend.Better;
            pdf.Tags.Element(PdfBlockLevelElementTag.Paragraph, () =>
            {
                gfx.DrawString($"{FigureFormat.ChangeSize(mover.ImprovementPercent)} {Theme.TrendWord(kpi.ChangeOnLastMonth)}",
                    Theme.BodyBold, new XSolidBrush(Theme.StatusColor(better ? KpiStatus.Green : KpiStatus.Red)), Theme.Margin, y, XStringFormats.TopLeft);
                gfx.DrawString(TextLayout.Ellipsize(gfx, $"{mover.DepartmentName}: {kpi.Name}", Theme.Body, 330), Theme.Body, Theme.InkBrush, Theme.Margin + 80, y, XStringFormats.TopLeft);
                gfx.DrawString($"{FigureFormat.Value(kpi.PreviousActual, kpi.Unit)} → {FigureFormat.Value(kpi.Actual, kpi.Unit)}",
                    Theme.Body, Theme.MutedBrush, Theme.PageWidth - Theme.Margin, y, XStringFormats.TopRight);
            });
            pdf.Y += 13;
        }
    }
}
