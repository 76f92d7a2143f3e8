using PdfSharp.Drawing;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Pdf.Documents;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Components;

/// <summary>
/// Twelve stacked bars, one a month: the share of KPIs in each status, on track at the bottom so its height is the answer
/// to "are we closer?", with the share printed above. A dashed line and a label mark months where targets changed, so a
/// step in the bars is not mistaken for progress. Tagged as one figure whose alternative text says the same in words.
/// </summary>
public static class PathChart
{
    private static readonly KpiStatus[] Stack = [KpiStatus.Green, KpiStatus.Amber, KpiStatus.Red, KpiStatus.Missing];

    public static void Draw(PdfBuilder pdf, OrganisationPath path)
    {
        var box = new XRect(Theme.Margin + 24, pdf.Y + 14, Theme.ContentWidth - 24, Theme.ChartHeight);
        pdf.EnsureSpace(box.Height + 44);
        box.Y = pdf.Y + 14;
        pdf.Tags.BeginFigure(AltText(path), new XRect(Theme.Margin, pdf.Y, Theme.ContentWidth, box.Height + 40));
        var gfx = pdf.Gfx;
        var slot = box.Width / Math.Max(1, path.Months.Count);
        var axis = new XPen(Theme.Rule, 0.5);
        for (var percent = 0; percent <= 100; percent += 25)
        {
            var y = box.Bottom - (box.Height * percent / 100);
            gfx.DrawLine(axis, box.Left, y, box.Right, y);
            gfx.DrawString($"{percent}%", Theme.Tiny, Theme.MutedBrush, box.Left - 3, y - 3, XStringFormats.TopRight);
        }

        for (var i = 0; i < path.Months.Count; i++)
        {
            var month = path.Months[i];
            var x = box.Left + (i * slot) + (slot * 0.18);
            var width = slot * 0.64;
            var bottom = box.Bottom;
            foreach (var status in Stack)
            {
                var height = month.Counts.Total == 0 ? 0 : box.Height * Count(month.Counts, status) / month.Counts.Total;
                gfx.DrawRectangle(new XSolidBrush(Theme.StatusColor(status)), x, bottom - height, width, height);
                bottom -= height;
            }

            gfx.DrawString($"{month.Counts.ShareOnTrack * 100:0}%", Theme.TinyBold, Theme.InkBrush, new XRect(x - 4, box.Top - 11, width + 8, 9), XStringFormats.Center);
            gfx.DrawString(FigureFormat.Month(month.Period, withYear: i == 0 || month.Period.Month == 1), Theme.Tiny, Theme.MutedBrush, new XRect(x - 6, box.Bottom + 2, width + 12, 9), XStringFormats.Center);
        }

        var marker = new XPen(Theme.Ink, 0.8) { DashStyle = XDashStyle.Dash };
        foreach (var change in path.Changes)
        {
            var index = path.Months.ToList().FindIndex(m => m.Period == change.Period);
            var x = box.Left + (index * slot);
            gfx.DrawLine(marker, x, box.Top - 12, x, box.Bottom + 12);
            gfx.DrawString($"▲ {change.Label}", Theme.Tiny, Theme.InkBrush, x + 2, box.Bottom + 12, XStringFormats.TopLeft);
        }

        pdf.Tags.End();
        pdf.Y = box.Bottom + 26;
    }

    /// <summary>What the chart shows, in words, for readers who cannot see it.</summary>
    public static string AltText(OrganisationPath path)
    {
        if (path.Months.Count == 0)
        {
            return "No history.";
        }

        var (first, last) = (path.Months[0], path.Months[^1]);
        var shares = string.Join(", ", path.Months.Select(m => $"{m.Period.DisplayName} {m.Counts.ShareOnTrack * 100:0}%"));
        var direction = last.Counts.ShareOnTrack > first.Counts.ShareOnTrack ? "rose" : last.Counts.ShareOnTrack < first.Counts.ShareOnTrack ? "fell" : "stayed";
        var changes = path.Changes.Count == 0 ? "No targets changed in these months."
            : "Targets changed in " + string.Join(" and ", path.Changes.Select(c => $"{c.Period.DisplayName} ({c.Label})")) + ".";
        return $"Bar chart of the share of KPIs on track each month, {first.Period.DisplayName} to {last.Period.DisplayName}: " +
               $"it {direction} from {first.Counts.ShareOnTrack * 100:0}% to {last.Counts.ShareOnTrack * 100:0}%. {shares}. {changes}";
    }

    public static int Count(StatusCounts counts, KpiStatus status) => status switch
    {
        KpiStatus.Green => counts.Green,
        KpiStatus.Amber => counts.Amber,
        KpiStatus.Red => counts.Red,
        _ => counts.Missing,
    };
}
