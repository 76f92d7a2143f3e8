using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using Reporting.Core.Scorecards;
using Reporting.Pdf.Components;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Documents;

/// <summary>
/// The roadmap with dates: every milestone in order of due month, as a strip and as a table saying when each is due
/// and whether it is done ("due in 2 months", "overdue by 1 month", "done in 2026-03").
/// </summary>
public static class RoadmapPage
{
    private static readonly (string Title, double Width)[] Columns = [("#", 16), ("Due", 40), ("Milestone", 172), ("Department", 134), ("Status", 58), ("When", 91)];

    private const double RowHeight = 16;

    public static void Compose(PdfBuilder pdf, Scorecard scorecard)
    {
        var milestones = scorecard.Departments
            .SelectMany(d => d.Kpis.Where(k => k.Milestone is not null).Select(k => (Department: d.Name, Kpi: k)))
            .OrderBy(m => m.Kpi.Milestone!.Due).ThenBy(m => m.Kpi.Name, StringComparer.Ordinal)
            .ToList();
        if (milestones.Count == 0)
        {
            return;
        }

        pdf.Y += 10;
        pdf.EnsureSpace(Math.Min(pdf.Bottom - Theme.Margin, 120 + ((milestones.Count + 1) * RowHeight))); // keep the roadmap together when it fits a page
        Heading.Section(pdf, "Roadmap: milestones by due month", keepWith: 100);
        RoadmapStrip.Draw(pdf, scorecard.Period, milestones);
        pdf.Tags.Begin(PdfBlockLevelElementTag.Table);
        Row(pdf, PdfBlockLevelElementTag.TableHeaderCell, Columns.Select(c => c.Title).ToArray(), null);
        for (var i = 0; i < milestones.Count; i++)
        {
            if (pdf.EnsureSpace(RowHeight))
            {
                Row(pdf, PdfBlockLevelElementTag.TableHeaderCell, Columns.Select(c => c.Title).ToArray(), null);
            }

            var (department, kpi) = milestones[i];
            Row(pdf, PdfBlockLevelElementTag.TableDataCell,
                [(i + 1).ToString(CultureInfo.InvariantCulture), kpi.Milestone!.Due.ToString(), kpi.Name, department, "", MilestoneWords.When(kpi.Milestone)], kpi);
        }

        pdf.Tags.End();
    }

    private static void Row(PdfBuilder pdf, PdfBlockLevelElementTag cellTag, string[] cells, KpiScore? kpi)
    {
        var gfx = pdf.Gfx;
        var (y, x) = (pdf.Y, Theme.Margin);
        var font = kpi is null ? Theme.TinyBold : Theme.Small;
        pdf.Tags.Begin(PdfBlockLevelElementTag.TableRow);
        for (var c = 0; c < Columns.Length; c++)
        {
            var (left, width, text) = (x, Columns[c].Width, cells[c]);
            pdf.Tags.Element(cellTag, () =>
            {
                if (kpi is not null && c == 4)
                {
                    StatusChip.Draw(gfx, kpi.Status, left, y + 1);
                }
                else
                {
                    gfx.DrawString(TextLayout.Ellipsize(gfx, text, font, width - 4), font, Theme.InkBrush, left, y + 2, XStringFormats.TopLeft);
                }
            });
            x += width;
        }

        pdf.Tags.End();
        pdf.Tags.Artifact(() => gfx.DrawLine(new XPen(Theme.Rule, 0.4), Theme.Margin, y + 14.5, Theme.PageWidth - Theme.Margin, y + 14.5));
        pdf.Y += RowHeight;
    }
}
