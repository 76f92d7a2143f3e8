using System.Globalization;

namespace Reporting.Storage.Metering;

/// <summary>
/// Counts the requests one account's clients send, by billing class, so the cost of idling (scans, queue polls) can be
/// measured instead of guessed: the host logs the counts (<c>Storage:OperationLogInterval</c>) and the benchmark reads them.
/// </summary>
public sealed class StorageOperationCounter
{
    private readonly long[] _counts = new long[Enum.GetValues<StorageOperationKind>().Length];

    public void Add(StorageOperationKind kind) => Interlocked.Increment(ref _counts[(int)kind]);

    public long this[StorageOperationKind kind] => Interlocked.Read(ref _counts[(int)kind]);

    /// <summary>All counts since start, e.g. <c>BlobList=12 BlobRead=0 ...</c>: one line that <see cref="Parse"/> reads back.</summary>
    public string Describe() => string.Join(' ', Enum.GetValues<StorageOperationKind>().Select(k => $"{k}={this[k].ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>Reads a <see cref="Describe"/> line back (kinds missing from it count zero).</summary>
    public static IReadOnlyDictionary<StorageOperationKind, long> Parse(string text)
    {
        var counts = Enum.GetValues<StorageOperationKind>().ToDictionary(k => k, _ => 0L);
        foreach (var pair in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length == 2 && Enum.TryParse<StorageOperationKind>(parts[0], out var kind) && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                counts[kind] = count;
            }
        }

        return counts;
    }
}
