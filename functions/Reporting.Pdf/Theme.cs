using PdfSharp.Drawing;
using Reporting.Core.Scoring;
using Reporting.Core.Wording;
using Reporting.Pdf.Fonts;

namespace Reporting.Pdf;

/// <summary>Every font, size, colour and margin the documents use, in one place.</summary>
public static class Theme
{
    public const double PageWidth = 595.28;   // A4 portrait, in points
    public const double PageHeight = 841.89;
    public const double Margin = 42;
    public const double ContentWidth = PageWidth - (2 * Margin);
    public const double FooterTop = PageHeight - Margin + 12;

    /// <summary>The documents' language, for screen readers' pronunciation (the text is British English).</summary>
    public const string Language = "en-GB";

    public static readonly XFont Title = Font(18, bold: true);
    public static readonly XFont Heading = Font(12, bold: true);
    public static readonly XFont Body = Font(8.5);
    public static readonly XFont BodyBold = Font(8.5, bold: true);
    public static readonly XFont Small = Font(7);
    public static readonly XFont Chip = Font(7, bold: true);
    public static readonly XFont BigNumber = Font(20, bold: true);
    public static readonly XFont Tiny = Font(6);
    public static readonly XFont TinyBold = Font(6, bold: true);

    /// <summary>The path chart's height and the grid's row height: twelve months must fit the page with room for the counts table.</summary>
    public const double ChartHeight = 128;
    public const double GridRowHeight = 12;
    public const double GridNameWidth = 150;

    public static readonly XColor Ink = XColor.FromArgb(0x1F, 0x29, 0x37);
    public static readonly XColor Muted = XColor.FromArgb(0x6B, 0x72, 0x80);
    public static readonly XColor Rule = XColor.FromArgb(0xD1, 0xD5, 0xDB);
    public static readonly XColor Band = XColor.FromArgb(0xF3, 0xF4, 0xF6);
    public static readonly XColor Accent = XColor.FromArgb(0x1E, 0x3A, 0x8A);
    public static readonly XColor Target = XColor.FromArgb(0x1E, 0x3A, 0x8A);

    public static XBrush InkBrush { get; } = new XSolidBrush(Ink);
    public static XBrush MutedBrush { get; } = new XSolidBrush(Muted);

    public static XColor StatusColor(KpiStatus status)
    {
        var (r, g, b) = StatusWords.Colour(status);
        return XColor.FromArgb(r, g, b);
    }

    /// <summary>The word printed with every status colour, so status reads in grey print and for colour-blind readers.</summary>
    public static string StatusWord(KpiStatus status) => StatusWords.Word(status);

    /// <summary>
    /// The status in the twelve-month grid, where a cell is too narrow for the full word; the legend spells them out.
    /// Letters differ in shape, so the grid reads without colour too.
    /// </summary>
    public static string StatusLetter(KpiStatus status) => status switch
    {
        KpiStatus.Green => "On",
        KpiStatus.Amber => "Risk",
        KpiStatus.Red => "Off",
        _ => "—",
    };

    /// <summary>The trend and change-on-last-month words, defined in docs/strategy-format.md ("Trend, variance and movers").</summary>
    public static string TrendWord(Trend trend) => StatusWords.TrendWord(trend);

    private static XFont Font(double size, bool bold = false) =>
        new(FontFolderResolver.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
}
