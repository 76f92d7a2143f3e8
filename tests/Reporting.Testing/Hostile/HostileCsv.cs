using System.Text;

namespace Reporting.Testing.Hostile;

/// <summary>
/// CSV uploads shaped to make the checks work hard, each filling the upload size limit and written in every
/// <see cref="CsvDialect"/>: wide headers, long cells, many fields, blank rows, many problems, an unclosed quote.
/// </summary>
public static class HostileCsv
{
    public static IEnumerable<HostileCase> Cases(long maxBytes) =>
        CsvDialect.All.SelectMany(dialect => Shapes(dialect, (int)((maxBytes - 64) / dialect.BytesPerChar)));

    private static IEnumerable<HostileCase> Shapes(CsvDialect dialect, int chars)
    {
        var d = dialect.Delimiter;
        var l = dialect.Letter;
        var header = $"period{d}kpi{d}value{d}comment\n";
        var valid = $"2026-10{d}reach{d}1200{d}ok\n";
        HostileCase Case(string kind, string name, string text) => new(kind, $"{name}, {dialect.Name}", "2026-10.csv", dialect.Encode(text));

        yield return Case("csv wide header", "a header of 60-character unknown columns",
            Fill($"period{d}kpi{d}value{d}comment", chars - 64, i => $"{d}column-{i:000000}-{new string(l, 44)}") + "\n" + valid);
        yield return Case("csv wide header", "a header of millions of empty fields", Fill($"period{d}kpi{d}value{d}comment", chars - 64, _ => d.ToString()) + "\n" + valid);
        yield return Case("csv long cells", "one header name filling the file", $"period{d}kpi{d}value{d}" + new string(l, chars - 64) + "\n" + valid);
        yield return Case("csv long cells", "rows of 30,000-character kpi, value and comment cells",
            Fill(header, chars, _ => $"2026-10{d}{new string(l, 30_000)}{d}1{new string(l, 29_999)}{d}{new string(l, 30_000)}\n"));
        yield return Case("csv long cells", "one kpi cell filling the file", header + $"2026-10{d}" + new string(l, chars - 64) + $"{d}1{d}\n");
        yield return Case("csv many fields", "rows of 5,000 fields", Fill(header, chars, _ => $"2026-10{d}reach{d}1{d}ok" + string.Concat(Enumerable.Repeat($"{d}{l}", 5_000)) + "\n"));
        yield return Case("csv blank rows", "rows of delimiters only, then a figure", Fill(header, chars - 64, _ => $"{d}{d}{d}\n") + valid);
        yield return Case("csv blank rows", "empty lines, then a figure", Fill(header, chars - 64, _ => "\n") + valid);
        yield return Case("csv many problems", "9,999 rows, every cell wrong",
            Fill(header, chars, i => i < 9_999 ? $"soon{i}{d}{new string(l, 100)}-{i}{d}lots{l}{d}ok\n" : ""));
        yield return Case("csv unclosed quote", "a quote opened and never closed", header + $"2026-10{d}reach{d}\"" + Fill("", chars - 64, i => $"{l}{d}{(i % 50 == 0 ? "\n" : "")}"));
    }

    // Appends pieces to the start until the next one would pass the length (or a piece is empty).
    private static string Fill(string start, int length, Func<int, string> piece)
    {
        var text = new StringBuilder(start, length);
        for (var i = 0; ; i++)
        {
            var next = piece(i);
            if (next.Length == 0 || text.Length + next.Length > length)
            {
                return text.ToString();
            }

            text.Append(next);
        }
    }
}
