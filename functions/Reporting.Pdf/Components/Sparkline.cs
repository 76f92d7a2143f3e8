using PdfSharp.Drawing;
using Reporting.Core.Scorecards;
using Reporting.Pdf.Documents;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Components;

/// <summary>
/// Twelve months as a small line, with the target (or a range's bounds) as dashed lines; months without a figure leave a gap.
/// Tagged as a figure whose alternative text gives the first and last values, the range, the target and the trend.
/// </summary>
public static class Sparkline
{
    public static void Draw(PdfBuilder pdf, KpiScore kpi, XRect box)
    {
        var gfx = pdf.Gfx;
        var values = kpi.History;
        var known = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        if (known.Count == 0)
        {
            gfx.DrawString("no data", Theme.Small, Theme.MutedBrush, box, XStringFormats.Center);
            return;
        }

        pdf.Tags.BeginFigure(AltText(kpi), box);
        var target = kpi.Target;
        var goals = new[] { target?.Value, target?.Min, target?.Max }.Where(g => g.HasValue).Select(g => g!.Value).ToList();
        var all = known.Concat(goals).ToList();
        var (min, max) = (all.Min(), all.Max());
        if (max - min < 1e-9)
        {
            (min, max) = (min - 1, max + 1);
        }

        double X(int i) => box.Left + (box.Width * i / Math.Max(1, values.Count - 1));
        double Y(double v) => box.Bottom - ((v - min) / (max - min) * box.Height);

        var dashed = new XPen(Theme.Target, 0.6) { DashStyle = XDashStyle.Dash };
        foreach (var goal in goals)
        {
            gfx.DrawLine(dashed, box.Left, Y(goal), box.Right, Y(goal));
        }

        // Each run of months with figures is one path (a gap ends it), not a path per segment: the same line, drawn with
        // one pen set-up and one stroke instead of eleven.
        var line = new XPen(Theme.Ink, 0.9) { LineJoin = XLineJoin.Round };
        var run = new List<XPoint>(values.Count);
        for (var i = 0; i <= values.Count; i++)
        {
            if (i < values.Count && values[i] is { } value)
            {
                run.Add(new XPoint(X(i), Y(value)));
                continue;
            }

            if (run.Count > 1)
            {
                gfx.DrawLines(line, run.ToArray());
            }

            run.Clear();
        }

        if (values[^1] is { } last)
        {
            gfx.DrawEllipse(new XSolidBrush(Theme.Ink), X(values.Count - 1) - 1.5, Y(last) - 1.5, 3, 3);
        }

        pdf.Tags.End();
    }

    /// <summary>The sparkline in words: "Customer churn over 12 months: 2.8% to 2.6%, between 2.5% and 2.9%; target 2%; trend mixed."</summary>
    public static string AltText(KpiScore kpi)
    {
        var known = kpi.History.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        var trend = Theme.TrendWord(kpi.Trend) is { Length: > 0 } word ? $" Trend {word}." : "";
        return $"{kpi.Name} over the last {kpi.History.Count} months ({known.Count} with figures): {FigureFormat.Value(known[0], kpi.Unit)} to " +
               $"{FigureFormat.Value(known[^1], kpi.Unit)}, between {FigureFormat.Value(known.Min(), kpi.Unit)} and {FigureFormat.Value(known.Max(), kpi.Unit)}; " +
               $"target {FigureFormat.Target(kpi.Target, kpi.Unit)}.{trend}";
    }
}
