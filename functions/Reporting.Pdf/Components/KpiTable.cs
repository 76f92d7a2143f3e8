using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Pdf.Documents;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Components;

/// <summary>
/// A department's KPIs: name, actual, target, variance, status, change on last month, year to date, 12-month trend.
/// A tagged table with header cells; the header repeats on each new page as decoration, so it is read once.
/// </summary>
public static class KpiTable
{
    private static readonly (string Title, double Width)[] Columns =
    [
        ("KPI", 126), ("Actual", 54), ("Target", 60), ("Variance", 50), ("Status", 57), ("vs last month", 50), ("Year to date", 56), ("12 months", 58),
    ];

    private const double LineHeight = 10.5;
    private const double Padding = 5;
    private const double HeaderHeight = 22;

    public static void Draw(PdfBuilder pdf, IReadOnlyList<KpiScore> kpis)
    {
        pdf.Tags.Begin(PdfBlockLevelElementTag.Table);
        DrawHeader(pdf, repeated: false);
        for (var i = 0; i < kpis.Count; i++)
        {
            var kpi = kpis[i];
            var nameLines = TextLayout.Wrap(pdf.Gfx, kpi.Name, Theme.Body, Columns[0].Width - 6, maxLines: 3);
            var height = Math.Max(nameLines.Count * LineHeight, kpi.MissingReason is null ? 26 : 32) + (2 * Padding);
            if (pdf.EnsureSpace(height))
            {
                DrawHeader(pdf, repeated: true);
            }

            KpiRow.Draw(pdf, kpi, nameLines, height, i % 2 == 1, Columns.Select(c => c.Width).ToArray());
        }

        pdf.Tags.End();
    }

    private static void DrawHeader(PdfBuilder pdf, bool repeated)
    {
        var gfx = pdf.Gfx;
        var top = pdf.Y;
        pdf.Tags.Artifact(() => gfx.DrawRectangle(new XSolidBrush(Theme.Accent), Theme.Margin, top, Theme.ContentWidth, HeaderHeight));
        if (repeated)
        {
            pdf.Tags.BeginArtifact();
        }
        else
        {
            pdf.Tags.Begin(PdfBlockLevelElementTag.TableRow);
        }

        var x = Theme.Margin;
        foreach (var (title, width) in Columns)
        {
            var lines = TextLayout.Wrap(gfx, title, Theme.Chip, width - 6, maxLines: 2);
            var (left, y) = (x + 3, top + ((HeaderHeight - (lines.Count * 8)) / 2));
            if (repeated)
            {
                TextLayout.DrawLines(gfx, lines, Theme.Chip, XBrushes.White, left, y, 8);
            }
            else
            {
                pdf.Tags.Element(PdfBlockLevelElementTag.TableHeaderCell, () => TextLayout.DrawLines(gfx, lines, Theme.Chip, XBrushes.White, left, y, 8));
            }

            x += width;
        }

        pdf.Tags.End();
        pdf.Y += HeaderHeight;
    }
}
