using System.Globalization;

namespace Reporting.Storage.Blobs;

/// <summary>
/// When the storage service received a blob version. Last-Modified has whole seconds only; with blob versioning on (as
/// infra/ sets it), the version id is the same service time to 100 ns (<c>2026-11-03T08:15:42.1234567Z</c>), which orders
/// two uploads in one second too. Azurite has no versioning, so only this parsing and the tests over it run that path.
/// </summary>
internal static class BlobVersionTime
{
    // A version id is the service's UTC time with up to seven fractional digits and a Z; nothing else is one.
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>The instant a version id names, or false when it names none (absent, another shape, or no real date).</summary>
    public static bool TryParse(string? versionId, out DateTimeOffset received) =>
        DateTimeOffset.TryParseExact(versionId, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out received);

    /// <summary>
    /// The version id's time when it names one within a second of Last-Modified (the same service time, finer); otherwise
    /// Last-Modified (no versioning, or an id that is not this version's time).
    /// </summary>
    public static DateTimeOffset ReceivedUtc(DateTimeOffset lastModified, string? versionId) =>
        TryParse(versionId, out var precise) && Math.Abs((precise - lastModified).Ticks) < TimeSpan.TicksPerSecond
            ? precise
            : lastModified;
}
