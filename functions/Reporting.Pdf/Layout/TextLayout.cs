using PdfSharp.Drawing;

namespace Reporting.Pdf.Layout;

/// <summary>Word wrapping and ellipsis, so long KPI and department names never run into the next column.</summary>
public static class TextLayout
{
    public static IReadOnlyList<string> Wrap(XGraphics gfx, string text, XFont font, double width, int maxLines)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (gfx.MeasureString(candidate, font).Width <= width)
            {
                current = candidate;
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            current = word;
            while (gfx.MeasureString(current, font).Width > width && current.Length > 1)
            {
                var fit = FittingLength(gfx, current, font, width);
                lines.Add(current[..fit]);
                current = current[fit..];
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = Ellipsize(gfx, lines[^1] + "…", font, width);
        }

        return lines.Count == 0 ? [""] : lines;
    }

    public static string Ellipsize(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var trimmed = text.TrimEnd('…');
        while (trimmed.Length > 0 && gfx.MeasureString(trimmed + "…", font).Width > width)
        {
            trimmed = trimmed[..^1];
        }

        return trimmed + "…";
    }

    private static int FittingLength(XGraphics gfx, string text, XFont font, double width)
    {
        var length = text.Length - 1;
        while (length > 1 && gfx.MeasureString(text[..length], font).Width > width)
        {
            length--;
        }

        return length;
    }

    public static void DrawLines(XGraphics gfx, IReadOnlyList<string> lines, XFont font, XBrush brush, double x, double y, double lineHeight)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            gfx.DrawString(lines[i], font, brush, x, y + (i * lineHeight), XStringFormats.TopLeft);
        }
    }
}
