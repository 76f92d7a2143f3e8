using System.Text;
using System.Text.RegularExpressions;

namespace Reporting.Core.Submissions;

/// <summary>
/// The rule for upload file names: letters and digits of any script (März, Ελληνικά), spaces, dots, hyphens and dashes
/// (- – —), underscores, brackets and common punctuation (, ' &amp; + ! @ ; = ~), in one or more folder levels, no "." or
/// ".." segments, at most 256 characters. Anything else (control characters, "../", encoded slashes, backslashes,
/// '#', '?', '%', and " * : &lt; &gt; | which Windows refuses) is refused before the file is read, because such names
/// are rewritten or misread by URLs, tools and spreadsheets.
/// </summary>
public static partial class UploadName
{
    public const int MaxLength = 256;

    public static bool IsSafe(string name) =>
        name.Length is > 0 and <= MaxLength
        && name.Split('/').All(segment => Segment().IsMatch(segment) && segment is not "." and not "..");

    public static string? ProblemWith(string name) => IsSafe(name)
        ? null
        : $"the file name '{Printable(name)}' cannot be used: name files with letters, digits, spaces, dots, dashes, underscores and brackets, without / \\ # ? % or control characters (at most {MaxLength} characters), for example 2026-10.csv";

    /// <summary>The name with control characters shown as \uXXXX and cut to 80 characters, for messages.</summary>
    public static string Printable(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name.Take(80))
        {
            text.Append(char.IsControl(c) ? $"\\u{(int)c:x4}" : c);
        }

        return name.Length > 80 ? text + "…" : text.ToString();
    }

    [GeneratedRegex(@"^[\p{L}\p{N}\p{M}_()\[\]\-–—,'&+!@;=~][\p{L}\p{N}\p{M} ._()\[\]\-–—,'&+!@;=~]*$")]
    private static partial Regex Segment();
}
