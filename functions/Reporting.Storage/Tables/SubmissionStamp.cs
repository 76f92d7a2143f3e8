using System.Globalization;

namespace Reporting.Storage.Tables;

/// <summary>
/// Which upload a month's figures came from, and so which is newer: the storage service's receipt time, then the
/// version's key to break a tie. <see cref="Key"/> sorts the same way, so it can be compared as text.
/// </summary>
/// <remarks><c>IsCurrentVersion</c>:
/// The version is still the blob's current one. Storage times have whole seconds (without blob versioning), so two
/// versions of one name written in the same second tie; the current one is then the newer.
/// </remarks>
public sealed record SubmissionStamp(DateTimeOffset ReceivedUtc, string BlobName, string BlobETag, bool IsCurrentVersion = false)
{
    public string Key { get; } = string.Create(CultureInfo.InvariantCulture, $"{ReceivedUtc.UtcTicks:D19}-{BlobVersionKey.For(BlobName, BlobETag)[..16]}");

    /// <summary>The receipt-time part of a <see cref="Key"/> (its first 19 characters), to compare keys by time alone.</summary>
    public static string ReceivedPart(string key) => key.Length > 19 ? key[..19] : key;

    public bool IsNewerThan(string otherKey) => string.CompareOrdinal(Key, otherKey) > 0;

    /// <summary>Newer than what is in force: by time, or, in a tie on time with another version of the same name, by being the current version.</summary>
    public bool IsNewerThan(FigurePointerEntity inForce) =>
        inForce.ReceivedUtc == ReceivedUtc && inForce.BlobName == BlobName
            ? IsCurrentVersion && inForce.SubmissionKey != Key
            : IsNewerThan(inForce.SubmissionKey);
}
