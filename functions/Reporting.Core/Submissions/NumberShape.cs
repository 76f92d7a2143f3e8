using System.Text;

namespace Reporting.Core.Submissions;

/// <summary>
/// Reads what a number's separators mean. A separator is a decimal mark when it is the file's decimal mark, when it is
/// the last of two different separators, or when the digits after it cannot be a thousands group (not exactly three);
/// it separates thousands when it repeats or stands before the decimal mark, and then every group must have three digits.
/// A single '.' or ',' followed by exactly three digits that is not the file's decimal mark could be either, and is
/// reported as <see cref="Ambiguity"/> instead of guessed, and so is a lone comma in a comma-delimited file (whose
/// decimal mark is '.'). Spaces (also no-break and narrow no-break) only group.
/// </summary>
internal readonly record struct NumberShape(string? Invariant, char? Ambiguity)
{
    private static readonly char[] Spaces = [' ', '\u00A0', '\u202F'];

    public static NumberShape Read(string text, DecimalMark mark)
    {
        var sign = text[0] is '-' or '+' ? text[..1] : "";
        var body = text[sign.Length..];
        var dots = body.Count(c => c == '.');
        var commas = body.Count(c => c == ',');
        var hasSpaces = body.IndexOfAny(Spaces) >= 0;
        if (body.Contains('e', StringComparison.OrdinalIgnoreCase) || (dots + commas == 0 && !hasSpaces))
        {
            // Plain digits or an exponent form: the invariant parser decides, a comma in it is never read.
            return new(commas == 0 ? text : null, null);
        }

        if (body.Any(c => !char.IsAsciiDigit(c) && c is not '.' and not ',' && !Spaces.Contains(c)))
        {
            return new(null, null);
        }

        char? decimalChar;
        if (mark == DecimalMark.Point && commas == 1 && (dots == 0 || body.LastIndexOf(',') > body.LastIndexOf('.')) && !hasSpaces)
        {
            // A comma-delimited file writes decimals with '.': a lone comma there is someone's other convention, never read.
            return new(null, ',');
        }

        if (dots > 0 && commas > 0)
        {
            decimalChar = body.LastIndexOf('.') > body.LastIndexOf(',') ? '.' : ',';
        }
        else if (dots + commas == 0)
        {
            decimalChar = null;
        }
        else
        {
            var separator = dots > 0 ? '.' : ',';
            var fileMark = mark switch { DecimalMark.Point => '.', DecimalMark.Comma => ',', _ => (char?)null };
            if ((dots + commas) > 1)
            {
                decimalChar = null;
            }
            else if (separator == fileMark || hasSpaces)
            {
                decimalChar = separator;
            }
            else
            {
                var at = body.IndexOf(separator, StringComparison.Ordinal);
                var before = body[..at];
                var after = body[(at + 1)..];
                var couldGroup = after.Length == 3 && before.Length is >= 1 and <= 3 && before.TrimStart('0').Length > 0;
                if (couldGroup)
                {
                    return new(null, separator);
                }

                decimalChar = separator;
            }
        }

        return Normalise(sign, body, decimalChar);
    }

    private static NumberShape Normalise(string sign, string body, char? decimalChar)
    {
        var integer = body;
        var fraction = "";
        if (decimalChar is { } d)
        {
            var at = body.LastIndexOf(d);
            if (body.IndexOf(d, StringComparison.Ordinal) != at)
            {
                return new(null, null); // the decimal mark twice
            }

            integer = body[..at];
            fraction = body[(at + 1)..];
            if (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))
            {
                return new(null, null);
            }
        }

        var groups = integer.Split(['.', ',', .. Spaces]);
        if (groups.Length > 1 && (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3)))
        {
            return new(null, null);
        }

        if (!groups.All(g => g.All(char.IsAsciiDigit)) || (groups.Length == 1 && integer.Length == 0 && fraction.Length == 0))
        {
            return new(null, null);
        }

        var invariant = new StringBuilder(sign).Append(string.Concat(groups));
        if (fraction.Length > 0)
        {
            invariant.Append('.').Append(fraction);
        }

        return new(invariant.ToString(), null);
    }
}
