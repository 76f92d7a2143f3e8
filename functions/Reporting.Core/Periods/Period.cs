using System.Globalization;

namespace Reporting.Core.Periods;

/// <summary>A reporting month, written <c>YYYY-MM</c> everywhere: in CSV files, blob names and table keys.</summary>
public readonly record struct Period(int Year, int Month) : IComparable<Period>
{
    public static Period FromDate(DateOnly date) => new(date.Year, date.Month);

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        var trimmed = text?.Trim();
        if (trimmed is not { Length: 7 } || trimmed[4] != '-')
        {
            return false;
        }

        if (!int.TryParse(trimmed.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(trimmed.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year < 1900 || month is < 1 or > 12)
        {
            return false;
        }

        period = new Period(year, month);
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' is not a period; write it as YYYY-MM, for example 2026-10.");

    public Period Previous() => AddMonths(-1);

    public Period Next() => AddMonths(1);

    public Period AddMonths(int months)
    {
        var index = (Year * 12) + (Month - 1) + months;
        return new Period(index / 12, (index % 12) + 1);
    }

    /// <summary>The last day of the month, used as the "data as of" date of a scorecard.</summary>
    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    public string DisplayName => new DateOnly(Year, Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public int CompareTo(Period other) => (Year, Month).CompareTo((other.Year, other.Month));

    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
