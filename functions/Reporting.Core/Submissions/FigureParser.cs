using System.Globalization;

namespace Reporting.Core.Submissions;

// Reads a figure the way the contract defines it: invariant digits with a '.' decimal point, nothing ambiguous.
internal static class FigureParser
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static bool TryParse(string raw, bool allowPercentSuffix, out double value, out string? problem)
    {
        value = 0;
        problem = null;
        var text = raw.Trim();
        if (allowPercentSuffix && text.EndsWith('%'))
        {
            text = text[..^1].TrimEnd();
        }

        if (text.Length == 0)
        {
            problem = "the value is empty; write the figure, for example 42 or 17.5";
            return false;
        }

        if (double.TryParse(text, Style, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        problem = text.Contains(',', StringComparison.Ordinal)
            ? $"'{raw}' uses a comma, which could be a thousands separator or a decimal comma; write digits with a '.' for decimals and no separators, for example 1234.5"
            : $"'{raw}' is not a number; write digits with a '.' for decimals, for example 1234.5";
        return false;
    }
}
