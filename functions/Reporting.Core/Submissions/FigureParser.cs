using System.Globalization;

namespace Reporting.Core.Submissions;

// Reads a figure the way the contract defines it (docs/submission-format.md, "Numbers"): the file's decimal mark,
// thousands separators only where they cannot be read another way, and a problem, never a guess, for anything else.
internal static class FigureParser
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private static readonly string[] ExcelErrors = ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"];

    public static bool TryParse(string raw, bool allowPercentSuffix, out double value, out string? problem) =>
        TryParse(raw, allowPercentSuffix, DecimalMark.Point, out value, out problem);

    public static bool TryParse(string raw, bool allowPercentSuffix, DecimalMark mark, out double value, out string? problem)
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

        if (ExcelErrors.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            problem = $"'{SubmissionText.Quote(raw)}' is an Excel error, not a number; correct the formula or type the figure";
            return false;
        }

        var shape = NumberShape.Read(text, mark);
        if (shape.Invariant is { } invariant && double.TryParse(invariant, Style, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            return true;
        }

        problem = shape.Ambiguity switch
        {
            ',' when mark == DecimalMark.Point => $"'{SubmissionText.Quote(raw)}' uses a comma, which could be a thousands separator or a decimal comma; write digits with a '.' for decimals and no separators, for example 1234.5",
            ',' => $"'{SubmissionText.Quote(raw)}' could have a comma separating thousands or a decimal comma; write the figure without thousands separators, for example 1234 or 1.234",
            '.' when mark == DecimalMark.Comma => $"'{SubmissionText.Quote(raw)}' could have a '.' separating thousands or a decimal point; in a file separated by semicolons write the figure without thousands separators and with ',' for decimals, for example 1234 or 1,234",
            '.' => $"'{SubmissionText.Quote(raw)}' could have a '.' separating thousands or a decimal point; write the figure without thousands separators, for example 1234 or 1.234",
            _ when mark == DecimalMark.Comma => $"'{SubmissionText.Quote(raw)}' is not a number; write digits with a ',' for decimals, for example 1234,5",
            _ => $"'{SubmissionText.Quote(raw)}' is not a number; write digits with a '.' for decimals, for example 1234.5",
        };
        value = 0;
        return false;
    }
}
