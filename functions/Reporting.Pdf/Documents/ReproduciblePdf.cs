using System.Buffers;
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
    // The file is read a block at a time; each block overlaps the next by more than the longest match (under 100
    // characters: the patterns are bounded), so a match across a block's end is found whole in the next block (and only
    // counted where it starts).
    private const int BlockSize = 1 << 20;
    private const int Overlap = 256;

    public static void SetDocumentId(PdfDocument document, string identity)
    {
        var id = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 16));
        document.Internals.FirstDocumentID = id;
        document.Internals.SecondDocumentID = id;
    }

    /// <summary>
    /// Renames the subset tags (ABCDEF+DejaVu Sans) in order of first appearance and replaces the XMP UUIDs with ones
    /// derived from <paramref name="identity"/>, in the saved file <paramref name="pdf"/> (seekable, from its start).
    /// Every replacement has the same length, so the file's offsets stay valid: the bytes are rewritten where they are,
    /// and the file is read in blocks, never held whole (a large pack is a hundred megabytes).
    /// </summary>
    public static void ReplaceRandomParts(Stream pdf, string identity)
    {
        var patches = new List<(long At, string Latin1)>();
        var tags = new List<string>();
        Scan(pdf, XmpUuidOrSubsetTag(), (at, match) =>
        {
            if (match[0] == '<')
            {
                var element = match[1..match.IndexOf('>')].ToString();
                patches.Add((at, $"<{element}>uuid:{StableUuid(identity + element)}<"));
            }
            else if (match[^7..^1].ToString() is var tag && !tags.Contains(tag))
            {
                tags.Add(tag);
            }
        });

        // A tag is renamed wherever "TAG+" occurs, as a whole-text replacement would; the font names hold them all.
        if (tags.Count > 0)
        {
            var anyTag = new Regex(string.Join('|', tags.Select(t => Regex.Escape(t + "+"))), RegexOptions.CultureInvariant);
            Scan(pdf, anyTag, (at, match) => patches.Add((at, StableTag(tags.IndexOf(match[..^1].ToString())) + "+")));
        }

        foreach (var (at, latin1) in patches)
        {
            pdf.Position = at;
            pdf.Write(Encoding.Latin1.GetBytes(latin1));
        }

        pdf.Position = pdf.Length;
    }

    /// <summary>The file's bytes as one byte per character, block by block: every match with its offset in the file.</summary>
    private delegate void OnMatch(long at, ReadOnlySpan<char> match);

    private static void Scan(Stream pdf, Regex pattern, OnMatch onMatch)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(BlockSize);
        var chars = ArrayPool<char>.Shared.Rent(BlockSize);
        try
        {
            for (long start = 0; start < pdf.Length; start += BlockSize - Overlap)
            {
                pdf.Position = start;
                var length = pdf.ReadAtLeast(bytes.AsSpan(0, BlockSize), BlockSize, throwOnEndOfStream: false);
                Encoding.Latin1.GetChars(bytes.AsSpan(0, length), chars);
                var text = chars.AsSpan(0, length);
                var last = start + length >= pdf.Length;
                foreach (var match in pattern.EnumerateMatches(text))
                {
                    // A match starting in the overlap is the next block's, unless this block is the last.
                    if (last || match.Index < BlockSize - Overlap)
                    {
                        onMatch(start + match.Index, text.Slice(match.Index, match.Length));
                    }
                }

                if (last)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

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

    [GeneratedRegex(@"<(?:xmpMM:DocumentID|xmpMM:InstanceID)>uuid:[0-9a-fA-F-]{36}<|/(?:BaseFont|FontName)\s{0,32}/[A-Z]{6}\+")]
    private static partial Regex XmpUuidOrSubsetTag();
}
