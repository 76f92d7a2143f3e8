using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Reporting.Pdf;
using Reporting.Pdf.Fonts;

namespace Reporting.Benchmarks;

/// <summary>Draws how the monthly run grows with the number of departments (time and memory) as a PNG, via a PDF page and pdftoppm.</summary>
internal static class GrowthChart
{
    public static void Write(IReadOnlyList<MonthlyRunBenchmark.Point> points, string pngPath)
    {
        PdfSetup.EnsureConfigured(new PdfOptions());
        using var document = new PdfDocument();
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(720);
        page.Height = XUnit.FromPoint(300);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            gfx.DrawRectangle(XBrushes.White, 0, 0, 720, 300);
            Panel(gfx, new XRect(50, 30, 290, 220), "Wall time (s)", points, p => p.Seconds, 60, (p => p.WithoutLoad, XColors.SeaGreen), (p => p.Ceiling.Seconds, XColors.DarkOrange));
            var legend = new XFont(FontFolderResolver.Family, 9);
            gfx.DrawString("blue: the whole run   green: without loading from the emulator   orange: the emulator's own time for the load's rows   dotted: linear", legend, XBrushes.Black, 50, 292, XStringFormats.BottomLeft);
            Panel(gfx, new XRect(410, 30, 290, 220), "Peak memory (MB)", points, p => p.PeakMegabytes, 1024);
        }

        var pdfPath = Path.ChangeExtension(pngPath, ".pdf");
        document.Save(pdfPath);
        var prefix = Path.Combine(Path.GetDirectoryName(pngPath)!, Path.GetFileNameWithoutExtension(pngPath));
        using var convert = Process.Start("pdftoppm", ["-png", "-r", "110", "-singlefile", pdfPath, prefix])!;
        convert.WaitForExit();
        File.Delete(pdfPath);
    }

    private static void Panel(XGraphics gfx, XRect box, string title, IReadOnlyList<MonthlyRunBenchmark.Point> points, Func<MonthlyRunBenchmark.Point, double> value, double goal, params (Func<MonthlyRunBenchmark.Point, double> Value, XColor Color)[] others)
    {
        var font = new XFont(FontFolderResolver.Family, 9);
        var bold = new XFont(FontFolderResolver.Family, 10, XFontStyleEx.Bold);
        var maxX = points.Max(p => p.Departments) * 1.05;
        var maxY = Math.Max(goal, points.Max(value)) * 1.1;
        double X(double departments) => box.Left + (box.Width * departments / maxX);
        double Y(double v) => box.Bottom - (box.Height * v / maxY);

        gfx.DrawString(title, bold, XBrushes.Black, box.Left, box.Top - 10, XStringFormats.BottomLeft);
        gfx.DrawLine(XPens.Black, box.Left, box.Bottom, box.Right, box.Bottom);
        gfx.DrawLine(XPens.Black, box.Left, box.Top, box.Left, box.Bottom);
        gfx.DrawString("departments", font, XBrushes.Black, box.Right, box.Bottom + 22, XStringFormats.TopRight);
        for (var i = 0; i <= 4; i++)
        {
            var v = maxY * i / 4;
            gfx.DrawString(v.ToString("0", CultureInfo.InvariantCulture), font, XBrushes.Gray, box.Left - 4, Y(v), XStringFormats.CenterRight);
        }

        var goalPen = new XPen(XColors.Firebrick, 1) { DashStyle = XDashStyle.Dash };
        gfx.DrawLine(goalPen, box.Left, Y(goal), box.Right, Y(goal));
        gfx.DrawString("goal", font, new XSolidBrush(XColors.Firebrick), box.Left + 4, Y(goal) - 2, XStringFormats.BottomLeft);

        // Linear growth from the smallest run, for comparison; it stops at the top of the panel.
        var first = points[0];
        var perDepartment = value(first) / first.Departments;
        var linearEnd = Math.Min(maxX / 1.05, maxY / perDepartment);
        var linearPen = new XPen(XColors.Gray, 0.8) { DashStyle = XDashStyle.Dot };
        gfx.DrawLine(linearPen, X(first.Departments), Y(value(first)), X(linearEnd), Y(perDepartment * linearEnd));
        gfx.DrawString("linear", font, XBrushes.Gray, X(linearEnd) - 3, Y(perDepartment * linearEnd) - 2, XStringFormats.BottomRight);

        var line = new XPen(XColors.SteelBlue, 2);
        for (var i = 1; i < points.Count; i++)
        {
            gfx.DrawLine(line, X(points[i - 1].Departments), Y(value(points[i - 1])), X(points[i].Departments), Y(value(points[i])));
        }

        foreach (var (other, color) in others)
        {
            var pen = new XPen(color, 2);
            var brush = new XSolidBrush(color);
            for (var i = 1; i < points.Count; i++)
            {
                gfx.DrawLine(pen, X(points[i - 1].Departments), Y(other(points[i - 1])), X(points[i].Departments), Y(other(points[i])));
            }

            // Labelled at the largest run only: at the small ones the lines lie too close together (the table has every value).
            foreach (var point in points)
            {
                gfx.DrawEllipse(brush, X(point.Departments) - 3, Y(other(point)) - 3, 6, 6);
            }

            gfx.DrawString(Label(other(points[^1])), font, brush, X(points[^1].Departments) + 5, Y(other(points[^1])) + 2, XStringFormats.TopLeft);
        }

        foreach (var point in points)
        {
            gfx.DrawEllipse(new XSolidBrush(XColors.SteelBlue), X(point.Departments) - 3, Y(value(point)) - 3, 6, 6);
            gfx.DrawString(point.Departments.ToString(CultureInfo.InvariantCulture), font, XBrushes.Black, X(point.Departments), box.Bottom + 4, XStringFormats.TopCenter);
            // The largest run's label to the left of its point, so it stays on the page.
            var last = point == points[^1];
            gfx.DrawString(Label(value(point)), font, XBrushes.Black, X(point.Departments) + (last ? -5 : 5), Y(value(point)) - 4, last ? XStringFormats.BottomRight : XStringFormats.BottomLeft);
        }
    }

    // Seconds with a decimal; megabytes whole.
    private static string Label(double value) => value.ToString(value >= 100 ? "N0" : "0.#", CultureInfo.InvariantCulture);
}
