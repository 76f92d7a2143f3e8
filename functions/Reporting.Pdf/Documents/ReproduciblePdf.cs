using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;

namespace Reporting.Pdf.Documents;

/// <summary>
/// PDFsharp puts random values in every file: the document ID, the XMP document and instance UUIDs, and the
/// six-letter tag of each embedded font subset. We derive them from the document instead, so the same scorecard
/// always renders to the same bytes.
/// </summary>
internal static partial class ReproduciblePdf
{
    public static void SetDocumentId(PdfDocument document, string identity)
    {
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16));
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
    }

    /// <summary>
    /// Renames the subset tags (ABCDEF+DejaVu Sans) in order of first appearance and replaces the XMP UUIDs with ones
    /// derived from <paramref name="identity"/>. Every replacement has the same length, so the file's offsets stay valid,
    /// and the bytes are rewritten where they are (one pass to find, no copies of a multi-megabyte file).
    /// </summary>
    public static byte[] ReplaceRandomParts(byte[] pdf, string identity)
    {
        var text = Encoding.Latin1.GetString(pdf); // one character per byte: a match's index is its byte offset
        foreach (Match uuid in XmpUuid().Matches(text))
        {
            var element = uuid.Groups["element"].Value;
            Write(pdf, uuid.Index, $"<{element}>uuid:{StableUuid(identity + element)}<");
        }

        // A tag is renamed wherever "TAG+" occurs, as a whole-text replacement would; the font names hold them all.
        var tags = SubsetTag().Matches(text).Select(m => m.Groups["tag"].Value).Distinct().ToList();
        for (var i = 0; i < tags.Count; i++)
        {
            var stable = StableTag(i) + "+";
            for (var at = text.IndexOf(tags[i] + "+", StringComparison.Ordinal); at >= 0; at = text.IndexOf(tags[i] + "+", at + 1, StringComparison.Ordinal))
            {
                Write(pdf, at, stable);
            }
        }

        return pdf;
    }

    private static void Write(byte[] pdf, int at, string latin1) => Encoding.Latin1.GetBytes(latin1, 0, latin1.Length, pdf, at);

    private static string StableTag(int index)
    {
        var letters = new char[6];
        for (var i = 5; i >= 0; i--)
        {
            letters[i] = (char)('A' + (index % 26));
            index /= 26;
        }

        return "RP" + new string(letters, 2, 4);
    }

    private static Guid StableUuid(string seed) => new(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16));

    [GeneratedRegex(@"<(?<element>xmpMM:DocumentID|xmpMM:InstanceID)>uuid:[0-9a-fA-F-]{36}<")]
    private static partial Regex XmpUuid();

    [GeneratedRegex(@"/(?:BaseFont|FontName)\s*/(?<tag>[A-Z]{6})\+")]
    private static partial Regex SubsetTag();
}
