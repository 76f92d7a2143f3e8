using System.Globalization;
using PdfSharp.Drawing;
using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Pdf.Documents;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Components;

/// <summary>
/// The roadmap as a strip: a month axis, each milestone a numbered dot at its due month in its status colour, and a
/// "now" line at the scored month. Numbers match the table below; tagged as a figure with the order in words.
/// </summary>
public static class RoadmapStrip
{
    private const double Height = 64;

    public static void Draw(PdfBuilder pdf, Period now, IReadOnlyList<(string Department, KpiScore Kpi)> milestones)
    {
        var dues = milestones.Select(m => m.Kpi.Milestone!.Due).Append(now).ToList();
        var (first, last) = (dues.Min(), dues.Max());
        var span = Math.Max(1, ((last.Year - first.Year) * 12) + last.Month - first.Month);
        var box = new XRect(Theme.Margin + 10, pdf.Y + 20, Theme.ContentWidth - 20, Height - 30);
        double X(Period p) => box.Left + (box.Width * (((p.Year - first.Year) * 12) + p.Month - first.Month) / span);

        var alt = "Roadmap strip, milestones in order of due month: " +
                  string.Join("; ", milestones.Select((m, i) => $"{i + 1}. {m.Kpi.Name}, due {m.Kpi.Milestone!.Due}, {Theme.StatusWord(m.Kpi.Status).ToLowerInvariant()}")) + ".";
        pdf.Tags.BeginFigure(alt, new XRect(Theme.Margin, pdf.Y, Theme.ContentWidth, Height));
        var gfx = pdf.Gfx;
        gfx.DrawLine(new XPen(Theme.Rule, 1.5), box.Left, box.Bottom, box.Right, box.Bottom);
        for (var p = first; p <= last; p = p.Next())
        {
            gfx.DrawLine(new XPen(Theme.Rule, 0.5), X(p), box.Bottom - 3, X(p), box.Bottom + 3);
            gfx.DrawString(FigureFormat.Month(p, withYear: p == first || p.Month == 1), Theme.Tiny, Theme.MutedBrush, new XRect(X(p) - 15, box.Bottom + 5, 30, 8), XStringFormats.Center);
        }

        gfx.DrawLine(new XPen(Theme.Accent, 1) { DashStyle = XDashStyle.Dash }, X(now), box.Top - 14, X(now), box.Bottom + 4);
        gfx.DrawString("now", Theme.TinyBold, new XSolidBrush(Theme.Accent), X(now) + 2, box.Top - 14, XStringFormats.TopLeft);

        var stacked = new Dictionary<Period, int>();
        for (var i = 0; i < milestones.Count; i++)
        {
            var due = milestones[i].Kpi.Milestone!.Due;
            var level = stacked[due] = stacked.GetValueOrDefault(due) + 1;
            var centre = new XPoint(X(due), box.Bottom - (level * 11));
            gfx.DrawEllipse(new XSolidBrush(Theme.StatusColor(milestones[i].Kpi.Status)), centre.X - 5, centre.Y - 5, 10, 10);
            gfx.DrawString((i + 1).ToString(CultureInfo.InvariantCulture), Theme.TinyBold, XBrushes.White, new XRect(centre.X - 5, centre.Y - 5, 10, 10), XStringFormats.Center);
        }

        pdf.Tags.End();
        pdf.Y += Height + 6;
    }
}
