using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Reporting.Storage;

/// <summary>
/// Removes credentials from text before it is logged, sent as telemetry or stored: account keys and SAS signatures in
/// connection strings and URLs. Applied to every log line the host writes, every trace and property it sends to
/// Application Insights, and every error message the pipeline persists. A secret can arrive encoded (a link inside a
/// page link's fragment is percent-encoded, <c>%26sig%3D</c>; JSON writes <c>&amp;</c> as <c>\u0026</c>; HTML as
/// <c>&amp;amp;</c>), so the text is also decoded, up to a few layers, and matched again: when the decoded text holds a
/// secret, the decoded text is what comes back, redacted.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "***";

    // Percent-encoding inside JSON inside a fragment is three layers; more than that is not text anyone logs.
    private const int MaxDecodings = 4;

    public static string Redact(string? text)
    {
        if (text is null)
        {
            return "";
        }

        var redacted = RedactPlain(text);
        var decoded = redacted;
        for (var layer = 0; layer < MaxDecodings; layer++)
        {
            var next = Decode(decoded);
            if (next == decoded)
            {
                break;
            }

            decoded = next;
            var decodedRedacted = RedactPlain(decoded);
            if (decodedRedacted != decoded)
            {
                // A secret was hidden by an encoding: the decoded text, redacted (the encoded form would keep it).
                return decodedRedacted;
            }
        }

        return redacted;
    }

    private static string RedactPlain(string text) =>
        UrlSignature().Replace(ConnectionStringSecret().Replace(text, m => m.Groups["name"].Value + Mask), m => m.Groups["name"].Value + Mask);

    // One layer of each encoding a secret is seen in: JSON's \uXXXX (and \/), HTML's entities, URL percent-encoding.
    private static string Decode(string text)
    {
        var json = text.Contains('\\', StringComparison.Ordinal)
            ? JsonEscape().Replace(text, m => m.Value[1] == '/' ? "/" : ((char)int.Parse(m.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;
        var html = json.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(json) : json;
        return html.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(html) : html;
    }

    // In a connection string a value runs to the next ';' (a SAS value holds '&').
    [GeneratedRegex(@"(?<name>(?:AccountKey|SharedAccessSignature|SharedAccessKey|InstrumentationKey)\s*=\s*)[^;\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringSecret();

    // '#' too: a SAS can be the whole fragment of a link ("#sv=...&sig=...").
    [GeneratedRegex(@"(?<name>[?&#]sig=)[^&;\s""'<>#]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlSignature();

    [GeneratedRegex(@"\\(?:u(?<hex>[0-9a-fA-F]{4})|/)")]
    private static partial Regex JsonEscape();
}
