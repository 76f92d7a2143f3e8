using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Reporting.Storage.Tables;

/// <summary>
/// A submission's figures as the text of a few entities (<see cref="FigureChunkEntity.Figures"/>): a JSON array of
/// <c>[kpi, value, comment]</c>, each chunk under <see cref="MaxChars"/> characters, so it stays within Azure's 64 KiB
/// for a string property (measured as UTF-16). Values are written as the shortest text that reads back as the same
/// double, whatever the machine's culture; comments and ids are escaped as JSON strings.
/// </summary>
internal static class FigureChunks
{
    /// <summary>30,000 characters: 60,000 bytes as UTF-16, under Azure's 65,536 for one string property.</summary>
    public const int MaxChars = 30_000;

    public readonly record struct Item(string Kpi, double Value, string? Comment);

    /// <summary>The figures as chunks in their order; the same figures always give the same chunks (a retry rewrites the same rows).</summary>
    public static List<(string Text, int Count)> Encode(IEnumerable<Item> figures)
    {
        var chunks = new List<(string, int)>();
        var chunk = new StringBuilder("[");
        var count = 0;
        foreach (var figure in figures)
        {
            var item = Encode(figure);
            // A figure longer than a chunk on its own (a comment limit raised far beyond the default) still gets one.
            if (count > 0 && chunk.Length + 1 + item.Length + 1 > MaxChars)
            {
                chunks.Add((chunk.Append(']').ToString(), count));
                chunk.Clear().Append('[');
                count = 0;
            }

            chunk.Append(count > 0 ? "," : "").Append(item);
            count++;
        }

        if (count > 0)
        {
            chunks.Add((chunk.Append(']').ToString(), count));
        }

        return chunks;
    }

    private static string Encode(Item figure) => string.Create(CultureInfo.InvariantCulture,
        $"[{Quoted(figure.Kpi)},{figure.Value.ToString("R", CultureInfo.InvariantCulture)},{(figure.Comment is null ? "null" : Quoted(figure.Comment))}]");

    // Only what JSON itself requires is escaped (quotes, backslashes, control characters): the text is never put in a web
    // page, and the default encoder's escapes for HTML and non-ASCII characters (six characters for an 'é') would fill
    // a chunk's 64 KiB for nothing.
    private static string Quoted(string text) => $"\"{JsonEncodedText.Encode(text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"";

    /// <summary>
    /// Reads a chunk back, calling <paramref name="add"/> for each figure in order. A KPI id is handed to
    /// <paramref name="share"/> as characters, so a load of many months can give every figure of one KPI the same string
    /// instead of a new one per figure.
    /// </summary>
    /// <exception cref="InvalidDataException">The text is not a chunk this class wrote.</exception>
    public static void Decode(string text, SpanToString share, Action<string, double, string?> add)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
            Span<char> id = stackalloc char[MaxSharedId];
            Expect(ref reader, JsonTokenType.StartArray);
            while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
            {
                Expect(ref reader, JsonTokenType.String);
                // An id's UTF-8 bytes are at least as many as its characters, escaped or not: the buffer always fits.
                var kpi = reader.ValueSpan.Length <= MaxSharedId ? share(id[..reader.CopyString(id)]) : reader.GetString()!;
                Expect(ref reader, JsonTokenType.Number);
                var value = reader.GetDouble();
                var comment = reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString()
                    : reader.TokenType == JsonTokenType.Null ? null
                    : throw new InvalidDataException($"expected a comment or null, found {reader.TokenType}");
                Expect(ref reader, JsonTokenType.EndArray);
                add(kpi, value, comment);
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                throw new InvalidDataException($"expected the end of the figures, found {reader.TokenType}");
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the stored figures are not valid JSON: {ex.Message}", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>KPI ids up to this many characters are read without a string of their own (<see cref="SpanToString"/>).</summary>
    private const int MaxSharedId = 256;

    public delegate string SpanToString(ReadOnlySpan<char> characters);

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (!reader.Read() || reader.TokenType != expected)
        {
            throw new InvalidDataException($"expected {expected} at byte {reader.TokenStartIndex}, found {reader.TokenType}");
        }
    }
}
