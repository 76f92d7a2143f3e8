using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// Splits a <c>$batch</c> body (multipart/mixed, holding multipart/mixed changesets of application/http parts) into its
/// operations. Delimiters count only at the start of a line, so a property value holding the boundary cannot split a
/// part. Returns null for a body it cannot read, which is then left unchecked rather than refused.
/// </summary>
/// <remarks>
/// Every batch the Tables client sends passes through here, so it works on the UTF-8 bytes as sent: parts and entity
/// bodies are slices of the one buffer, and only the request line and the Content-Type values become strings. Lines
/// end at CR, LF or CRLF, as <see cref="StringReader.ReadLine"/> reads them. A body that is not valid UTF-8 is first
/// decoded and encoded again (invalid sequences become U+FFFD), so it is read exactly as its text would be.
/// </remarks>
internal static class TableBatchParser
{
    private static readonly SearchValues<byte> LineEnds = SearchValues.Create("\r\n"u8);

    public static List<TableBatchOperation>? Parse(string contentType, ReadOnlyMemory<byte> body)
    {
        if (!Utf8.IsValid(body.Span))
        {
            body = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body.Span));
        }

        var operations = new List<TableBatchOperation>();
        return Boundary(contentType) is { } boundary && AddParts(body, boundary, operations) ? operations : null;
    }

    private static bool AddParts(ReadOnlyMemory<byte> body, string boundary, List<TableBatchOperation> operations)
    {
        var delimiter = Encoding.UTF8.GetBytes("--" + boundary);
        var start = NextDelimiter(body.Span, delimiter, 0);
        while (start >= 0)
        {
            // The text after each delimiter line up to the next one; stops at the close delimiter (--boundary--).
            var partStart = start + delimiter.Length;
            if (body.Span[partStart..].StartsWith("--"u8))
            {
                return true;
            }

            var next = NextDelimiter(body.Span, delimiter, partStart);
            if (!AddPart(body[partStart..(next < 0 ? body.Length : next)], operations))
            {
                return false;
            }

            start = next;
        }

        return true;
    }

    private static bool AddPart(ReadOnlyMemory<byte> part, List<TableBatchOperation> operations)
    {
        var position = 0;
        TryReadLine(part.Span, ref position, out _); // the rest of the delimiter line
        var type = ReadHeaders(part.Span, ref position, "Content-Type");
        var content = TrimEnd(part[position..]);
        if (type?.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase) == true)
        {
            return Boundary(type) is { } inner && AddParts(content, inner, operations);
        }

        if (type?.StartsWith("application/http", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (ParseRequest(content) is not { } operation)
            {
                return false;
            }

            operations.Add(operation);
        }

        return true;
    }

    private static int NextDelimiter(ReadOnlySpan<byte> body, byte[] delimiter, int from)
    {
        while (from <= body.Length && body[from..].IndexOf(delimiter) is >= 0 and var found)
        {
            var i = from + found;
            if (i == 0 || body[i - 1] == (byte)'\n')
            {
                return i;
            }

            from = i + 1;
        }

        return -1;
    }

    private static TableBatchOperation? ParseRequest(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length && message.Span[position] is (byte)'\r' or (byte)'\n')
        {
            position++;
        }

        var requestLine = TryReadLine(message.Span, ref position, out var line)
            ? Encoding.UTF8.GetString(line).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : null;
        if (requestLine is not { Length: >= 2 })
        {
            return null;
        }

        var contentType = ReadHeaders(message.Span, ref position, "Content-Type");
        var uri = Uri.TryCreate(requestLine[1], UriKind.Absolute, out var parsed) ? parsed : null;
        return new(requestLine[0], uri, contentType, TrimEnd(message[position..]));
    }

    /// <summary>Reads header lines up to the first empty line (or the end); returns the first value of the named header.</summary>
    private static string? ReadHeaders(ReadOnlySpan<byte> text, ref int position, string name)
    {
        string? value = null;
        while (TryReadLine(text, ref position, out var line) && !line.IsEmpty)
        {
            value ??= HeaderValue(line, name);
        }

        return value;
    }

    private static string? HeaderValue(ReadOnlySpan<byte> line, string name)
    {
        // ASCII lines (all the SDK sends) are compared as bytes; any other line as text, as the header's name could
        // match under ordinal case-insensitivity.
        if (Ascii.IsValid(line))
        {
            return line.Length > name.Length && line[name.Length] == (byte)':' && Ascii.EqualsIgnoreCase(line[..name.Length], name)
                ? Encoding.ASCII.GetString(line[(name.Length + 1)..]).Trim()
                : null;
        }

        var text = Encoding.UTF8.GetString(line);
        return text.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase) ? text[(name.Length + 1)..].Trim() : null;
    }

    /// <summary>The next line without its end (CR, LF or CRLF), as <see cref="StringReader.ReadLine"/> reads it; false at the end.</summary>
    private static bool TryReadLine(ReadOnlySpan<byte> text, ref int position, out ReadOnlySpan<byte> line)
    {
        if (position >= text.Length)
        {
            line = default;
            return false;
        }

        var rest = text[position..];
        var end = rest.IndexOfAny(LineEnds);
        if (end < 0)
        {
            position = text.Length;
            line = rest;
            return true;
        }

        position += end + (rest[end] == (byte)'\r' && end + 1 < rest.Length && rest[end + 1] == (byte)'\n' ? 2 : 1);
        line = rest[..end];
        return true;
    }

    private static ReadOnlyMemory<byte> TrimEnd(ReadOnlyMemory<byte> text)
    {
        var length = text.Span.TrimEnd("\r\n"u8).Length;
        return text[..length];
    }

    private static string? Boundary(string contentType) => contentType
        .Split(';', StringSplitOptions.TrimEntries)
        .Where(p => p.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
        .Select(p => p["boundary=".Length..].Trim('"'))
        .FirstOrDefault(b => b.Length > 0);
}
