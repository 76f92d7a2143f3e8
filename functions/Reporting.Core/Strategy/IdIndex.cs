namespace Reporting.Core.Strategy;

// A case-insensitive id lookup over a list, built on first use and rebuilt if the list is swapped (a 'with' copy).
internal sealed class IdIndex<T>(Func<T, string> idOf)
{
    private (IReadOnlyList<T> Source, Dictionary<string, T> Index)? _cache;

    public T? Find(IReadOnlyList<T> items, string id)
    {
        if (_cache is not { } cache || !ReferenceEquals(cache.Source, items))
        {
            var index = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in items)
            {
                index.TryAdd(idOf(item), item); // the first of duplicate ids wins, as a linear search would
            }

            cache = (items, index);
            _cache = cache;
        }

        return cache.Index.GetValueOrDefault(id);
    }

    // A cache, not data: it must not change the equality of the record holding it.
    public override bool Equals(object? obj) => obj is IdIndex<T>;

    public override int GetHashCode() => 0;
}
