using System.Globalization;
using PdfSharp.Drawing;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Pdf.Components;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Documents;

/// <summary>The leadership pack's first page: counts by status, share on track, every department's status, missing submissions.</summary>
public static class SummaryPage
{
    private static readonly KpiStatus[] Statuses = [KpiStatus.Green, KpiStatus.Amber, KpiStatus.Red, KpiStatus.Missing];

    public static void Compose(PdfBuilder pdf, Scorecard scorecard)
    {
        pdf.NewPage();
        ComposeHeader(pdf, scorecard);
        ComposeCounts(pdf, scorecard.Counts);
        ComposeDepartmentGrid(pdf, scorecard);
        ComposeMissing(pdf, scorecard);
        ComposeMovers(pdf, "Biggest improvements on last month", scorecard.Improvements, "No KPI improved on last month.");
        ComposeMovers(pdf, "Biggest declines on last month", scorecard.Declines, "No KPI declined on last month.");
    }

    private static void ComposeMovers(PdfBuilder pdf, string title, IReadOnlyList<KpiMovement> movers, string none)
    {
        pdf.Y += 12;
        pdf.EnsureSpace(40);
        pdf.Gfx.DrawString(title, Theme.Heading, Theme.InkBrush, Theme.Margin, pdf.Y, XStringFormats.TopLeft);
        pdf.Y += 18;
        if (movers.Count == 0)
        {
            pdf.Gfx.DrawString(none, Theme.Body, Theme.MutedBrush, Theme.Margin, pdf.Y, XStringFormats.TopLeft);
            pdf.Y += 12;
            return;
        }

        foreach (var mover in movers)
        {
            pdf.EnsureSpace(14);
            var gfx = pdf.Gfx;
            var kpi = mover.Kpi;
            var change = $"{FigureFormat.Value(kpi.PreviousActual, kpi.Unit)} → {FigureFormat.Value(kpi.Actual, kpi.Unit)}";
            gfx.DrawString(FigureFormat.Percent(mover.ImprovementPercent) + (mover.ImprovementPercent > 0 ? " better" : " worse"),
                Theme.BodyBold, new XSolidBrush(Theme.StatusColor(mover.ImprovementPercent > 0 ? KpiStatus.Green : KpiStatus.Red)), Theme.Margin, pdf.Y, XStringFormats.TopLeft);
            var label = TextLayout.Ellipsize(gfx, $"{mover.DepartmentName}: {kpi.Name}", Theme.Body, 330);
            gfx.DrawString(label, Theme.Body, Theme.InkBrush, Theme.Margin + 80, pdf.Y, XStringFormats.TopLeft);
            gfx.DrawString(change, Theme.Body, Theme.MutedBrush, Theme.PageWidth - Theme.Margin, pdf.Y, XStringFormats.TopRight);
            pdf.Y += 13;
        }
    }

    private static void ComposeHeader(PdfBuilder pdf, Scorecard scorecard)
    {
        var gfx = pdf.Gfx;
        var lines = TextLayout.Wrap(gfx, scorecard.Organisation, Theme.Title, Theme.ContentWidth, maxLines: 2);
        TextLayout.DrawLines(gfx, lines, Theme.Title, Theme.InkBrush, Theme.Margin, pdf.Y, 22);
        pdf.Y += lines.Count * 22;
        gfx.DrawString($"Digital engagement scorecard · {scorecard.Period.DisplayName}", Theme.Heading, new XSolidBrush(Theme.Accent), Theme.Margin, pdf.Y, XStringFormats.TopLeft);
        pdf.Y += 18;
        gfx.DrawString(string.Create(CultureInfo.InvariantCulture, $"Strategy version {scorecard.StrategyVersion} · data as of {scorecard.DataAsOf:yyyy-MM-dd} · {scorecard.Departments.Count} departments"),
            Theme.Body, Theme.MutedBrush, Theme.Margin, pdf.Y, XStringFormats.TopLeft);
        pdf.Y += 24;
    }

    private static void ComposeCounts(PdfBuilder pdf, StatusCounts counts)
    {
        var gfx = pdf.Gfx;
        var boxWidth = (Theme.ContentWidth - 40) / 5;
        var x = Theme.Margin;
        var values = new[] { counts.Green, counts.Amber, counts.Red, counts.Missing };
        for (var i = 0; i < Statuses.Length; i++)
        {
            var color = Theme.StatusColor(Statuses[i]);
            var box = new XRect(x, pdf.Y, boxWidth, 54);
            gfx.DrawRectangle(new XPen(color, 1.2), box);
            gfx.DrawString(values[i].ToString(CultureInfo.InvariantCulture), Theme.BigNumber, new XSolidBrush(color), new XRect(x, pdf.Y + 6, boxWidth, 26), XStringFormats.Center);
            gfx.DrawString($"KPIs {Theme.StatusWord(Statuses[i]).ToLowerInvariant()}", Theme.Body, Theme.InkBrush, new XRect(x, pdf.Y + 34, boxWidth, 14), XStringFormats.Center);
            x += boxWidth + 10;
        }

        var share = new XRect(x, pdf.Y, boxWidth, 54);
        gfx.DrawRectangle(new XSolidBrush(Theme.Accent), share);
        gfx.DrawString(string.Create(CultureInfo.InvariantCulture, $"{counts.ShareOnTrack * 100:0}%"), Theme.BigNumber, XBrushes.White, new XRect(x, pdf.Y + 6, boxWidth, 26), XStringFormats.Center);
        gfx.DrawString("on track", Theme.Body, XBrushes.White, new XRect(x, pdf.Y + 34, boxWidth, 14), XStringFormats.Center);
        pdf.Y += 72;
    }

    private static void ComposeDepartmentGrid(PdfBuilder pdf, Scorecard scorecard)
    {
        pdf.Gfx.DrawString("Departments", Theme.Heading, Theme.InkBrush, Theme.Margin, pdf.Y, XStringFormats.TopLeft);
        pdf.Y += 18;
        foreach (var department in scorecard.Departments)
        {
            pdf.EnsureSpace(20);
            var gfx = pdf.Gfx;
            var counts = StatusCounts.Of(department.Kpis.Select(k => k.Status));
            StatusChip.Draw(gfx, department.OverallStatus, Theme.Margin, pdf.Y + 2);
            var name = TextLayout.Ellipsize(gfx, department.Name, Theme.BodyBold, 220);
            gfx.DrawString(name, Theme.BodyBold, Theme.InkBrush, Theme.Margin + StatusChip.Width + 8, pdf.Y + 3, XStringFormats.TopLeft);
            var detail = string.Create(CultureInfo.InvariantCulture, $"{counts.Green} on track · {counts.Amber} at risk · {counts.Red} off track · {counts.Missing} missing");
            gfx.DrawString(detail, Theme.Body, Theme.MutedBrush, Theme.PageWidth - Theme.Margin, pdf.Y + 3, XStringFormats.TopRight);
            gfx.DrawLine(new XPen(Theme.Rule, 0.4), Theme.Margin, pdf.Y + 17, Theme.PageWidth - Theme.Margin, pdf.Y + 17);
            pdf.Y += 19;
        }
    }

    private static void ComposeMissing(PdfBuilder pdf, Scorecard scorecard)
    {
        var missing = scorecard.MissingSubmissions.Select(d => d.Name).ToList();
        var late = scorecard.LateSubmissions.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Name} (received {d.ReceivedOn:yyyy-MM-dd})")).ToList();
        pdf.Y += 12;
        pdf.EnsureSpace(40);
        pdf.Gfx.DrawString("Missing and late submissions", Theme.Heading, Theme.InkBrush, Theme.Margin, pdf.Y, XStringFormats.TopLeft);
        pdf.Y += 18;
        var lines = new List<string>();
        if (missing.Count == 0 && late.Count == 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Every department submitted its figures for {scorecard.Period.DisplayName} by the deadline, {scorecard.SubmissionDeadline:yyyy-MM-dd}."));
        }

        if (missing.Count > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Missing (deadline {scorecard.SubmissionDeadline:yyyy-MM-dd}): {string.Join(", ", missing)}"));
        }

        if (late.Count > 0)
        {
            lines.Add($"Late: {string.Join(", ", late)}");
        }

        foreach (var line in lines)
        {
            var wrapped = TextLayout.Wrap(pdf.Gfx, line, Theme.Body, Theme.ContentWidth, maxLines: 10);
            pdf.EnsureSpace(wrapped.Count * 11);
            TextLayout.DrawLines(pdf.Gfx, wrapped, Theme.Body, Theme.InkBrush, Theme.Margin, pdf.Y, 11);
            pdf.Y += (wrapped.Count * 11) + 2;
        }
    }
}
