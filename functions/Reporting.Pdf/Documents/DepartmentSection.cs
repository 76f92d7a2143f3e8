using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Pdf.Components;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Documents;

/// <summary>One department's page(s): heading with overall status, the KPI table, then the submission's comments.</summary>
public static class DepartmentSection
{
    public static void Compose(PdfBuilder pdf, Scorecard scorecard, DepartmentScorecard department)
    {
        pdf.NewPage();
        pdf.Tags.Begin(PdfGroupingElementTag.Section);
        ComposeHeader(pdf, scorecard, department);
        if (!department.Submitted)
        {
            Heading.Paragraph(pdf, $"No figures were received for {scorecard.Period.DisplayName}; every KPI below is missing and has no trend.",
                Theme.BodyBold, new XSolidBrush(Theme.StatusColor(KpiStatus.Missing)));
            pdf.Y += 4;
        }

        KpiTable.Draw(pdf, department.Kpis);
        ComposeComments(pdf, department);
        pdf.Tags.End();
    }

    private static void ComposeHeader(PdfBuilder pdf, Scorecard scorecard, DepartmentScorecard department)
    {
        var top = pdf.Y;
        Heading.Title(pdf, department.Name, reserved: StatusChip.Width + 12);
        pdf.Tags.Element(PdfBlockLevelElementTag.Paragraph, () =>
            StatusChip.Draw(pdf.Gfx, department.OverallStatus, Theme.PageWidth - Theme.Margin - StatusChip.Width, top + 5));
        pdf.Y += 2;

        var owner = string.IsNullOrWhiteSpace(department.Owner) ? "" : $"Owner: {department.Owner} · ";
        var counts = StatusCounts.Of(department.Kpis.Select(k => k.Status));
        var subtitle = string.Create(CultureInfo.InvariantCulture, $"{owner}{scorecard.Period.DisplayName} · {counts.Green} on track, {counts.Amber} at risk, {counts.Red} off track, {counts.Missing} missing");
        DrawSubtitle(pdf, subtitle, Theme.Body);
        if (department.ReceivedOn is { } on)
        {
            // A line of its own, so the deadline and its zone are never cut off by a long owner or KPI count.
            var late = department.IsLate ? string.Create(CultureInfo.InvariantCulture, $", late: due {scorecard.SubmissionDeadline:yyyy-MM-dd} ({scorecard.TimeZone})") : "";
            DrawSubtitle(pdf, string.Create(CultureInfo.InvariantCulture, $"Figures received {on:yyyy-MM-dd}{late}"), department.IsLate ? Theme.BodyBold : Theme.Body);
        }

        pdf.Y += 8;
    }

    private static void DrawSubtitle(PdfBuilder pdf, string text, XFont font)
    {
        pdf.Tags.Element(PdfBlockLevelElementTag.Paragraph, () =>
            pdf.Gfx.DrawString(TextLayout.Ellipsize(pdf.Gfx, text, font, Theme.ContentWidth), font, Theme.MutedBrush, Theme.Margin, pdf.Y, XStringFormats.TopLeft));
        pdf.Y += 12;
    }

    private static void ComposeComments(PdfBuilder pdf, DepartmentScorecard department)
    {
        var comments = department.Kpis.Where(k => !string.IsNullOrWhiteSpace(k.Comment)).ToList();
        if (comments.Count == 0)
        {
            return;
        }

        pdf.Y += 2;
        Heading.Section(pdf, "Comments from the submission");
        foreach (var kpi in comments)
        {
            Heading.Paragraph(pdf, $"{kpi.Name}: {kpi.Comment}", Theme.Body, Theme.InkBrush, maxLines: 6);
            pdf.Y += 2;
        }
    }
}
