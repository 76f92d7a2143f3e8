using System.Text.RegularExpressions;

namespace Reporting.Storage;

/// <summary>
/// Removes credentials from text before it is logged or stored: account keys and SAS signatures in connection strings
/// and URLs. Applied to every log line the host writes and to every error message the pipeline persists.
/// </summary>
public static partial class SecretRedactor
{
    public const string Mask = "***";

    public static string Redact(string? text) => text is null
        ? ""
        : UrlSignature().Replace(ConnectionStringSecret().Replace(text, m => m.Groups["name"].Value + Mask), m => m.Groups["name"].Value + Mask);

    // In a connection string a value runs to the next ';' (a SAS value holds '&').
    [GeneratedRegex(@"(?<name>(?:AccountKey|SharedAccessSignature|SharedAccessKey|InstrumentationKey)\s*=\s*)[^;\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringSecret();

    [GeneratedRegex(@"(?<name>[?&]sig=)[^&;\s""'<>]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlSignature();
}
