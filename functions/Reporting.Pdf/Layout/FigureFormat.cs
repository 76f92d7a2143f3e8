using System.Globalization;

namespace Reporting.Pdf.Layout;

/// <summary>How figures read on the page, by unit: 12.5%, 1,234, 2.35, 4.2 h, Done.</summary>
public static class FigureFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Value(double? value, string unit) => value is not { } v ? "—" : unit switch
    {
        "percent" => v.ToString("0.#", Culture) + "%",
        "ratio" => v.ToString("0.00", Culture),
        "hours" => v.ToString("0.#", Culture) + " h",
        "days" => v.ToString("0.#", Culture) + " d",
        "minutes" => v.ToString("0.#", Culture) + " min",
        "milestone" => v >= 1 ? "Done" : "Not done",
        _ => Math.Abs(v) >= 1000 ? v.ToString("#,0", Culture) : v.ToString("0.##", Culture),
    };

    public static string Change(double? change, string unit)
    {
        if (change is not { } c || unit == "milestone")
        {
            return "—";
        }

        var sign = c > 0 ? "+" : c < 0 ? "−" : "±";
        return sign + Value(Math.Abs(c), unit == "percent" ? "points" : unit).Replace("%", "", StringComparison.Ordinal) + (unit == "percent" ? " pt" : "");
    }

    public static string Percent(double? percent) =>
        percent is { } p ? (p > 0 ? "+" : p < 0 ? "−" : "±") + Math.Abs(p).ToString("0.#", Culture) + "%" : "—";
}
