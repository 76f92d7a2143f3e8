using PdfSharp.Drawing;
using Reporting.Core.Scoring;

namespace Reporting.Pdf.Components;

/// <summary>A filled, rounded label with the status word in white: colour and word together.</summary>
public static class StatusChip
{
    public const double Width = 52;
    public const double Height = 12;

    public static void Draw(XGraphics gfx, KpiStatus status, double x, double y)
    {
        var box = new XRect(x, y, Width, Height);
        gfx.DrawRoundedRectangle(new XSolidBrush(Theme.StatusColor(status)), box, new XSize(4, 4));
        gfx.DrawString(Theme.StatusWord(status), Theme.Chip, XBrushes.White, box, XStringFormats.Center);
    }
}
