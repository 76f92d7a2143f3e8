using System.Globalization;
using PdfSharp.Drawing;
using Reporting.Core.Scorecards;
using Reporting.Pdf.Components;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Documents;

/// <summary>One department's page(s): heading with overall status, the KPI table, then the submission's comments.</summary>
public static class DepartmentSection
{
    public static void Compose(PdfBuilder pdf, Scorecard scorecard, DepartmentScorecard department)
    {
        pdf.NewPage();
        ComposeHeader(pdf, scorecard, department);
        if (!department.Submitted)
        {
            pdf.Gfx.DrawString($"No figures were received for {scorecard.Period.DisplayName}; every KPI below is missing.",
                Theme.BodyBold, new XSolidBrush(Theme.StatusColor(Core.Scoring.KpiStatus.Missing)), Theme.Margin, pdf.Y, XStringFormats.TopLeft);
            pdf.Y += 16;
        }

        KpiTable.Draw(pdf, department.Kpis);
        ComposeComments(pdf, department);
    }

    private static void ComposeHeader(PdfBuilder pdf, Scorecard scorecard, DepartmentScorecard department)
    {
        var gfx = pdf.Gfx;
        var nameWidth = Theme.ContentWidth - StatusChip.Width - 12;
        var lines = TextLayout.Wrap(gfx, department.Name, Theme.Title, nameWidth, maxLines: 2);
        TextLayout.DrawLines(gfx, lines, Theme.Title, Theme.InkBrush, Theme.Margin, pdf.Y, 22);
        StatusChip.Draw(gfx, department.OverallStatus, Theme.PageWidth - Theme.Margin - StatusChip.Width, pdf.Y + 5);
        pdf.Y += (lines.Count * 22) + 2;

        var owner = string.IsNullOrWhiteSpace(department.Owner) ? "" : $"Owner: {department.Owner} · ";
        var counts = StatusCounts.Of(department.Kpis.Select(k => k.Status));
        var received = department.ReceivedOn is { } on ? string.Create(CultureInfo.InvariantCulture, $" · received {on:yyyy-MM-dd}{(department.IsLate ? string.Create(CultureInfo.InvariantCulture, $" (late; due {scorecard.SubmissionDeadline:yyyy-MM-dd})") : "")}") : "";
        var subtitle = string.Create(CultureInfo.InvariantCulture, $"{owner}{scorecard.Period.DisplayName} · {counts.Green} on track, {counts.Amber} at risk, {counts.Red} off track, {counts.Missing} missing{received}");
        gfx.DrawString(TextLayout.Ellipsize(gfx, subtitle, Theme.Body, Theme.ContentWidth), Theme.Body, Theme.MutedBrush, Theme.Margin, pdf.Y, XStringFormats.TopLeft);
        pdf.Y += 20;
    }

    private static void ComposeComments(PdfBuilder pdf, DepartmentScorecard department)
    {
        var comments = department.Kpis.Where(k => !string.IsNullOrWhiteSpace(k.Comment)).ToList();
        if (comments.Count == 0)
        {
            return;
        }

        pdf.Y += 14;
        pdf.EnsureSpace(40);
        pdf.Gfx.DrawString("Comments from the submission", Theme.Heading, Theme.InkBrush, Theme.Margin, pdf.Y, XStringFormats.TopLeft);
        pdf.Y += 20;
        foreach (var kpi in comments)
        {
            var lines = TextLayout.Wrap(pdf.Gfx, $"{kpi.Name}: {kpi.Comment}", Theme.Body, Theme.ContentWidth, maxLines: 6);
            pdf.EnsureSpace(lines.Count * 11);
            TextLayout.DrawLines(pdf.Gfx, lines, Theme.Body, Theme.InkBrush, Theme.Margin, pdf.Y, 11);
            pdf.Y += (lines.Count * 11) + 4;
        }
    }
}
