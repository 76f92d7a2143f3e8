using System.Globalization;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// "A blob name must be at least one character long and cannot be more than 1,024 characters long" (Azure Storage;
/// Azurite stores longer names). The name is the decoded path after the container; when the host is an IP address
/// or localhost the URL is path-style (<c>/account/container/blob</c>, as Azurite's), else host-style
/// (<c>account.blob.core.windows.net/container/blob</c>). Characters are counted as UTF-16 code units.
/// </summary>
internal static class BlobNameRule
{
    public const int MaxNameLength = 1024;

    public static AzureRuleBreach? Check(Uri uri)
    {
        if (uri.Host.Contains(".queue.", StringComparison.OrdinalIgnoreCase) || uri.Host.Contains(".file.", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var path = uri.AbsolutePath.TrimStart('/');
        var skip = IsPathStyle(uri) ? 2 : 1; // account and container, or the container only
        for (var i = 0; i < skip && path.Length > 0; i++)
        {
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            path = slash < 0 ? "" : path[(slash + 1)..];
        }

        var name = Uri.UnescapeDataString(path);
        return name.Length > MaxNameLength
            ? new(AzureRule.BlobNameTooLong, string.Create(CultureInfo.InvariantCulture, $"blob name of {name.Length:N0} characters: {Excerpt.Of(name)}"))
            : null;
    }

    private static bool IsPathStyle(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
        || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);
}
