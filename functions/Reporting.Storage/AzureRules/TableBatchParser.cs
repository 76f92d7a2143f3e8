namespace Reporting.Storage.AzureRules;

/// <summary>
/// Splits a <c>$batch</c> body (multipart/mixed, holding multipart/mixed changesets of application/http parts) into its
/// operations. Delimiters count only at the start of a line, so a property value holding the boundary cannot split a
/// part. Returns null for a body it cannot read, which is then left unchecked rather than refused.
/// </summary>
internal static class TableBatchParser
{
    public static List<TableBatchOperation>? Parse(string contentType, string body)
    {
        var operations = new List<TableBatchOperation>();
        return Boundary(contentType) is { } boundary && AddParts(body, boundary, operations) ? operations : null;
    }

    private static bool AddParts(string body, string boundary, List<TableBatchOperation> operations)
    {
        foreach (var part in Parts(body, "--" + boundary))
        {
            var (headers, content) = ReadHeaders(new StringReader(part), skipFirstLine: true);
            var type = Header(headers, "Content-Type");
            if (type?.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase) == true)
            {
                if (Boundary(type) is not { } inner || !AddParts(content, inner, operations))
                {
                    return false;
                }
            }
            else if (type?.StartsWith("application/http", StringComparison.OrdinalIgnoreCase) == true)
            {
                if (ParseRequest(content) is not { } operation)
                {
                    return false;
                }

                operations.Add(operation);
            }
        }

        return true;
    }

    /// <summary>The text after each delimiter line up to the next one; stops at the close delimiter (<c>--boundary--</c>).</summary>
    private static IEnumerable<string> Parts(string body, string delimiter)
    {
        var start = NextDelimiter(body, delimiter, 0);
        while (start >= 0)
        {
            var partStart = start + delimiter.Length;
            if (string.CompareOrdinal(body, partStart, "--", 0, 2) == 0)
            {
                yield break;
            }

            var next = NextDelimiter(body, delimiter, partStart);
            yield return body[partStart..(next < 0 ? body.Length : next)];
            start = next;
        }
    }

    private static int NextDelimiter(string body, string delimiter, int from)
    {
        for (var i = body.IndexOf(delimiter, from, StringComparison.Ordinal); i >= 0; i = body.IndexOf(delimiter, i + 1, StringComparison.Ordinal))
        {
            if (i == 0 || body[i - 1] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static TableBatchOperation? ParseRequest(string message)
    {
        var reader = new StringReader(message.TrimStart('\r', '\n'));
        var requestLine = reader.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requestLine is not { Length: >= 2 })
        {
            return null;
        }

        var (headers, body) = ReadHeaders(reader, skipFirstLine: false);
        var uri = Uri.TryCreate(requestLine[1], UriKind.Absolute, out var parsed) ? parsed : null;
        return new(requestLine[0], uri, Header(headers, "Content-Type"), body);
    }

    private static (List<string> Headers, string Body) ReadHeaders(StringReader reader, bool skipFirstLine)
    {
        if (skipFirstLine)
        {
            reader.ReadLine(); // the rest of the delimiter line
        }

        var headers = new List<string>();
        for (var line = reader.ReadLine(); !string.IsNullOrEmpty(line); line = reader.ReadLine())
        {
            headers.Add(line);
        }

        return (headers, reader.ReadToEnd().TrimEnd('\r', '\n'));
    }

    private static string? Header(List<string> headers, string name) => headers
        .Where(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
        .Select(h => h[(name.Length + 1)..].Trim())
        .FirstOrDefault();

    private static string? Boundary(string contentType) => contentType
        .Split(';', StringSplitOptions.TrimEntries)
        .Where(p => p.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
        .Select(p => p["boundary=".Length..].Trim('"'))
        .FirstOrDefault(b => b.Length > 0);
}
