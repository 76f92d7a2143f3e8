using System.Globalization;

namespace Reporting.Storage.Tables;

/// <summary>
/// Which upload a month's figures came from, and so which is newer: the storage service's receipt time, then the
/// version's key to break a tie. <see cref="Key"/> sorts the same way, so it can be compared as text.
/// </summary>
public sealed record SubmissionStamp(DateTimeOffset ReceivedUtc, string BlobName, string BlobETag)
{
    public string Key { get; } = string.Create(CultureInfo.InvariantCulture, $"{ReceivedUtc.UtcTicks:D19}-{BlobVersionKey.For(BlobName, BlobETag)[..16]}");

    public bool IsNewerThan(string otherKey) => string.CompareOrdinal(Key, otherKey) > 0;
}
