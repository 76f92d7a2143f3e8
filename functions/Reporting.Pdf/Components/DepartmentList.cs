using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using Reporting.Core.Scorecards;
using Reporting.Pdf.Documents;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Components;

/// <summary>The summary's table of departments: overall status, name, KPIs by status; a tagged table with header cells.</summary>
public static class DepartmentList
{
    private const double RowHeight = 19;

    public static void Draw(PdfBuilder pdf, Scorecard scorecard)
    {
        Heading.Section(pdf, "Departments");
        var tags = pdf.Tags;
        tags.Begin(PdfBlockLevelElementTag.Table);
        DrawHeader(pdf);
        foreach (var department in scorecard.Departments)
        {
            if (pdf.EnsureSpace(RowHeight))
            {
                DrawHeader(pdf);
            }

            var gfx = pdf.Gfx;
            var y = pdf.Y;
            var counts = StatusCounts.Of(department.Kpis.Select(k => k.Status));
            tags.Begin(PdfBlockLevelElementTag.TableRow);
            tags.Element(PdfBlockLevelElementTag.TableDataCell, () => StatusChip.Draw(gfx, department.OverallStatus, Theme.Margin, y + 2));
            tags.Element(PdfBlockLevelElementTag.TableDataCell, () => gfx.DrawString(
                TextLayout.Ellipsize(gfx, department.Name, Theme.BodyBold, 220), Theme.BodyBold, Theme.InkBrush, Theme.Margin + StatusChip.Width + 8, y + 3, XStringFormats.TopLeft));
            tags.Element(PdfBlockLevelElementTag.TableDataCell, () => gfx.DrawString(
                $"{counts.Green} on track · {counts.Amber} at risk · {counts.Red} off track · {counts.Missing} missing",
                Theme.Body, Theme.MutedBrush, Theme.PageWidth - Theme.Margin, y + 3, XStringFormats.TopRight));
            tags.End();
            tags.Artifact(() => gfx.DrawLine(new XPen(Theme.Rule, 0.4), Theme.Margin, y + 17, Theme.PageWidth - Theme.Margin, y + 17));
            pdf.Y += RowHeight;
        }

        tags.End();
    }

    private static void DrawHeader(PdfBuilder pdf)
    {
        var gfx = pdf.Gfx;
        var y = pdf.Y;
        pdf.Tags.Begin(PdfBlockLevelElementTag.TableRow);
        pdf.Tags.Element(PdfBlockLevelElementTag.TableHeaderCell, () => gfx.DrawString("Status", Theme.Small, Theme.MutedBrush, Theme.Margin, y, XStringFormats.TopLeft));
        pdf.Tags.Element(PdfBlockLevelElementTag.TableHeaderCell, () => gfx.DrawString("Department", Theme.Small, Theme.MutedBrush, Theme.Margin + StatusChip.Width + 8, y, XStringFormats.TopLeft));
        pdf.Tags.Element(PdfBlockLevelElementTag.TableHeaderCell, () => gfx.DrawString("KPIs by status", Theme.Small, Theme.MutedBrush, Theme.PageWidth - Theme.Margin, y, XStringFormats.TopRight));
        pdf.Tags.End();
        pdf.Y += 11;
    }
}
