using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Pdf.Components;

namespace Reporting.Pdf.Documents;

/// <summary>
/// "Are we closer?": right after the summary, the last twelve months: the share of KPIs on track as a chart (marked where
/// targets changed), the counts behind it as a table, and every department's overall status month by month.
/// </summary>
public static class PathPage
{
    private static readonly KpiStatus[] Statuses = [KpiStatus.Green, KpiStatus.Amber, KpiStatus.Red, KpiStatus.Missing];

    public static void Compose(PdfBuilder pdf, Scorecard scorecard)
    {
        var path = scorecard.OrganisationPath;
        if (path.Months.Count == 0)
        {
            return;
        }

        pdf.NewPage();
        Heading.Title(pdf, "Are we closer? The last twelve months");
        pdf.Y += 4;
        Heading.Paragraph(pdf, "Each month is scored against the targets in force in that month. The bars show the share of all KPIs in each status; " +
                               "the percentage above each bar is the share on track. A dashed line marks a month where targets changed.", Theme.Body, Theme.MutedBrush);
        PathChart.Draw(pdf, path);
        ComposeCounts(pdf, path);
        ComposeGrid(pdf, scorecard, path);
    }

    private static void ComposeCounts(PdfBuilder pdf, OrganisationPath path)
    {
        Heading.Section(pdf, "KPIs by status each month", keepWith: 6 * Theme.GridRowHeight);
        var months = path.Months.Select(m => m.Period).ToList();
        pdf.Tags.Begin(PdfBlockLevelElementTag.Table);
        MonthTable.Header(pdf, "Status", months);
        foreach (var status in Statuses)
        {
            MonthTable.Row(pdf, Theme.StatusWord(status), months.Count, (i, box) =>
                pdf.Gfx.DrawString(PathChart.Count(path.Months[i].Counts, status).ToString(CultureInfo.InvariantCulture), Theme.Small, new XSolidBrush(Theme.StatusColor(status)), box, XStringFormats.Center));
        }

        MonthTable.Row(pdf, "Share on track", months.Count, (i, box) =>
            pdf.Gfx.DrawString($"{path.Months[i].Counts.ShareOnTrack * 100:0}%", Theme.TinyBold, Theme.InkBrush, box, XStringFormats.Center));
        pdf.Tags.End();
    }

    private static void ComposeGrid(PdfBuilder pdf, Scorecard scorecard, OrganisationPath path)
    {
        Heading.Section(pdf, "Departments' overall status each month", keepWith: 3 * Theme.GridRowHeight);
        Heading.Paragraph(pdf, "On = on track, Risk = at risk, Off = off track, — = no figures received.", Theme.Small, Theme.MutedBrush);
        var months = path.Months.Select(m => m.Period).ToList();
        pdf.Tags.Begin(PdfBlockLevelElementTag.Table);
        MonthTable.Header(pdf, "Department", months);
        for (var d = 0; d < scorecard.Departments.Count; d++)
        {
            if (pdf.EnsureSpace(Theme.GridRowHeight))
            {
                MonthTable.Header(pdf, "Department", months);
            }

            var index = d;
            MonthTable.Row(pdf, scorecard.Departments[d].Name, months.Count, (i, box) =>
                MonthTable.StatusCell(pdf.Gfx, path.Months[i].DepartmentStatuses[index], box));
        }

        pdf.Tags.End();
    }
}
