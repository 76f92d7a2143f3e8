using System.Globalization;
using System.Text;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// Shows an offending value in a message: control characters made visible as \uXXXX and long values cut, so a
/// 100 KB string or a key holding U+0000 cannot swamp or corrupt a log line.
/// </summary>
internal static class Excerpt
{
    private const int Limit = 64;

    public static string Of(string value, bool quoted = true)
    {
        var shown = new StringBuilder();
        foreach (var c in value.Length > Limit ? value[..Limit] : value)
        {
            if (char.IsControl(c))
            {
                shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                shown.Append(c);
            }
        }

        var quote = quoted ? "'" : "";
        return value.Length > Limit
            ? string.Create(CultureInfo.InvariantCulture, $"{quote}{shown}…{quote} ({value.Length:N0} characters)")
            : $"{quote}{shown}{quote}";
    }
}
