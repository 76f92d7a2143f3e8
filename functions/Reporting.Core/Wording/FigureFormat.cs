using System.Globalization;
using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;

namespace Reporting.Core.Wording;

/// <summary>
/// How figures read, by unit: 12.5%, 1,234, €86.20, 2.35, 4.2 h, Done. Shared by the PDFs and the mail, so a figure reads
/// the same wherever a reader meets it; invariant culture, so the output does not depend on the machine.
/// </summary>
public static class FigureFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Value(double? value, Unit unit) => value is not { } v ? "—" : unit.Kind switch
    {
        UnitKind.Percent => v.ToString("0.#", Culture) + "%",
        UnitKind.Ratio => v.ToString("0.00", Culture),
        UnitKind.Duration => v.ToString("0.#", Culture) + " " + DurationSuffix(unit.DurationUnit),
        UnitKind.Milestone => v >= 1 ? "Done" : "Not done",
        UnitKind.Currency => Money(v, unit.Currency),
        _ => Plain(v),
    };

    public static string Target(Target? target, Unit unit) => target switch
    {
        null => "—",
        { IsRange: true } => $"{Value(target.Min, unit)}–{Value(target.Max, unit)}",
        _ when unit.Kind == UnitKind.Milestone => "Done",
        _ => Value(target.Value, unit),
    };

    /// <summary>The change on last month: +12, −0.3 pt for percentages; nothing for milestones.</summary>
    public static string Change(double? change, Unit unit)
    {
        if (change is not { } c || unit.Kind == UnitKind.Milestone)
        {
            return "—";
        }

        var size = Math.Abs(c);
        var text = unit.Kind switch
        {
            UnitKind.Percent => size.ToString("0.#", Culture) + " pt",
            UnitKind.Ratio => size.ToString("0.00", Culture),
            _ => Value(size, unit),
        };
        return Sign(c) + text;
    }

    public static string Percent(double? percent) =>
        percent is { } p ? Sign(Math.Round(p, 1)) + Math.Abs(p).ToString("0.#", Culture) + "%" : "—";

    /// <summary>
    /// The size of a change in goodness, without a sign, for "8.6% better" or "2.3% worse": the word says which way, and a
    /// sign would be read as the value's direction (churn rising from 2.5% to 2.6% is worse, not "-2.3%").
    /// </summary>
    public static string ChangeSize(double percent) => Math.Abs(percent).ToString("0.#", Culture) + "%";

    /// <summary>A month as a column heading: "Nov", or "Jan 26" where the year changes.</summary>
    public static string Month(Period period, bool withYear) =>
        new DateOnly(period.Year, period.Month, 1).ToString(withYear ? "MMM yy" : "MMM", Culture);

    private static string Sign(double value) => value > 0 ? "+" : value < 0 ? "−" : "±";

    private static string Plain(double v) => Math.Abs(v) switch
    {
        >= 10_000_000 => (v / 1_000_000).ToString("0.#", Culture) + "M",
        >= 1000 => v.ToString("#,0", Culture),
        _ => v.ToString("0.##", Culture),
    };

    private static string Money(double v, string? currency)
    {
        var amount = Math.Abs(v) switch
        {
            >= 1_000_000 => (v / 1_000_000).ToString("0.##", Culture) + "M",
            >= 100 => v.ToString("#,0", Culture),
            _ => v.ToString("0.00", Culture),
        };
        return currency switch
        {
            "EUR" => "€" + amount,
            "USD" => "$" + amount,
            "GBP" => "£" + amount,
            null => amount,
            _ => amount + " " + currency,
        };
    }

    private static string DurationSuffix(string? unit) => unit switch
    {
        "minutes" => "min",
        "days" => "d",
        _ => "h",
    };
}
