using Reporting.Core.Scoring;

namespace Reporting.Core.Wording;

/// <summary>
/// How a status and a trend read in every document, the PDFs and the mail alike: the word printed with each status
/// colour (so status reads in grey print, in plain-text mail and for colour-blind readers) and the colour itself.
/// </summary>
public static class StatusWords
{
    public static string Word(KpiStatus status) => status switch
    {
        KpiStatus.Green => "On track",
        KpiStatus.Amber => "At risk",
        KpiStatus.Red => "Off track",
        _ => "Missing",
    };

    /// <summary>The status colour as red, green and blue; each keeps white text on it at a contrast of at least 4.5:1.</summary>
    public static (byte R, byte G, byte B) Colour(KpiStatus status) => status switch
    {
        KpiStatus.Green => (0x1B, 0x7F, 0x3B),
        KpiStatus.Amber => (0xB4, 0x5F, 0x06),
        KpiStatus.Red => (0xB9, 0x1C, 0x1C),
        _ => (0x6B, 0x72, 0x80),
    };

    /// <summary>The trend and change-on-last-month words, defined in docs/strategy-format.md ("Trend, variance and movers").</summary>
    public static string TrendWord(Trend trend) => trend switch
    {
        Trend.Better => "better",
        Trend.Worse => "worse",
        Trend.Steady => "steady",
        Trend.Mixed => "mixed",
        _ => "",
    };
}
