using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Pdf.Documents;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Components;

/// <summary>
/// One KPI's row: every cell a tagged data cell, in reading order. The change on last month and the trend carry their
/// words ("worse", "mixed") from the same definitions as the movers, so the row never contradicts the summary.
/// </summary>
internal static class KpiRow
{
    private const double LineHeight = 10.5;
    private const double Padding = 5;

    public static void Draw(PdfBuilder pdf, KpiScore kpi, IReadOnlyList<string> nameLines, double height, bool shaded, double[] widths)
    {
        var gfx = pdf.Gfx;
        var tags = pdf.Tags;
        var top = pdf.Y;
        if (shaded)
        {
            tags.Artifact(() => gfx.DrawRectangle(new XSolidBrush(Theme.Band), Theme.Margin, top, Theme.ContentWidth, height));
        }

        var x = Theme.Margin;
        double Next(int column)
        {
            var left = x;
            x += widths[column];
            return left;
        }

        var milestone = kpi.Milestone;
        tags.Begin(PdfBlockLevelElementTag.TableRow);
        var nameX = Next(0);
        tags.Element(PdfBlockLevelElementTag.TableDataCell, () => TextLayout.DrawLines(gfx, nameLines, Theme.Body, Theme.InkBrush, nameX + 3, top + Padding, LineHeight));
        Cell(pdf, FigureFormat.Value(kpi.Actual, kpi.Unit), Theme.BodyBold, Next(1), top, widths[1], null);
        Cell(pdf, milestone is null ? FigureFormat.Target(kpi.Target, kpi.Unit) : $"due {milestone.Due}", Theme.Body, Next(2), top, widths[2], null);
        Cell(pdf, Variance(kpi), Theme.Body, Next(3), top, widths[3], milestone is null ? null : MilestoneWords.When(milestone));

        var statusX = Next(4);
        tags.Element(PdfBlockLevelElementTag.TableDataCell, () =>
        {
            StatusChip.Draw(gfx, kpi.Status, statusX + 3, top + Padding);
            if (kpi.Status == KpiStatus.Missing && kpi.MissingReason is { } reason)
            {
                var why = TextLayout.Wrap(gfx, reason, Theme.Small, widths[4] - 4, maxLines: 2);
                TextLayout.DrawLines(gfx, why, Theme.Small, Theme.MutedBrush, statusX + 3, top + Padding + StatusChip.Height + 2, 8);
            }
        });

        Cell(pdf, FigureFormat.Change(kpi.ChangeOnPreviousMonth, kpi.Unit), Theme.Body, Next(5), top, widths[5], Theme.TrendWord(kpi.ChangeOnLastMonth));
        Cell(pdf, FigureFormat.Value(kpi.YearToDate, kpi.Unit), Theme.Body, Next(6), top, widths[6], null);
        var chartX = Next(7);
        tags.Element(PdfBlockLevelElementTag.TableDataCell, () =>
        {
            Sparkline.Draw(pdf, kpi, new XRect(chartX + 4, top + Padding, widths[7] - 10, height - (2 * Padding) - 9));
            if (Theme.TrendWord(kpi.Trend) is { Length: > 0 } trend)
            {
                gfx.DrawString($"trend: {trend}", Theme.Tiny, Theme.MutedBrush, chartX + 4, top + height - Padding - 7, XStringFormats.TopLeft);
            }
        });
        tags.End();

        tags.Artifact(() => gfx.DrawLine(new XPen(Theme.Rule, 0.4), Theme.Margin, top + height, Theme.PageWidth - Theme.Margin, top + height));
        pdf.Y = top + height;
    }

    // Variance as a percentage of a value target; a range's distance from its band in the KPI's unit; none for milestones.
    private static string Variance(KpiScore kpi) => kpi switch
    {
        { Milestone: not null } => "",
        { VariancePercent: { } percent } => FigureFormat.Percent(percent),
        { Target.IsRange: true, Variance: { } distance } => distance == 0 ? "in band" : FigureFormat.Change(distance, kpi.Unit),
        _ => "—",
    };

    private static void Cell(PdfBuilder pdf, string text, XFont font, double x, double top, double width, string? note)
    {
        var gfx = pdf.Gfx;
        pdf.Tags.Element(PdfBlockLevelElementTag.TableDataCell, () =>
        {
            if (text.Length > 0)
            {
                gfx.DrawString(TextLayout.Ellipsize(gfx, text, font, width - 6), font, Theme.InkBrush, new XRect(x + 3, top + Padding, width - 6, LineHeight), XStringFormats.TopLeft);
            }

            if (!string.IsNullOrEmpty(note))
            {
                var lines = TextLayout.Wrap(gfx, note, Theme.Small, width - 6, maxLines: 2);
                TextLayout.DrawLines(gfx, lines, Theme.Small, Theme.MutedBrush, x + 3, top + Padding + (text.Length > 0 ? LineHeight + 1 : 0), 8);
            }
        });
    }
}
