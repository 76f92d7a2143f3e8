using System.Text;
using System.Text.RegularExpressions;
using Reporting.Pdf.Documents;

namespace Reporting.Pdf.Tests;

/// <summary>
/// The random parts of a saved PDF are rewritten in place, reading the file a block (1 MiB) at a time: parts that cross a
/// block's end, or sit in the overlap between two blocks, are rewritten once, as a whole-file replacement would.
/// </summary>
public sealed partial class ReproduciblePdfTests
{
    private const int Block = 1 << 20;
    private const int Overlap = 256;

    // Where the k-th block read ends: each block starts an overlap before the previous one's end.
    private static int BlockEnd(int k) => (k * (Block - Overlap)) + Block;

    [Fact]
    public void ReplaceRandomParts_PartsAcrossBlockEnds_AreRewrittenAsAWholeFileReplacementWould()
    {
        var file = Filler(3 * Block + 4321);
        // Font names and XMP ids across both blocks' ends, at the start of an overlap and just before it; a tag also
        // inside a stream's data (renamed there too, as before).
        Put(file, 100, "/FontName/QWERTY+DejaVuSans");
        Put(file, BlockEnd(0) - Overlap - 5, "/BaseFont/QWERTY+DejaVuSans");
        Put(file, BlockEnd(0) - 10, "/BaseFont /ASDFGH+DejaVuSans-Bold");
        Put(file, BlockEnd(1) - Overlap, "/FontName/ZXCVBN+DejaVuSans");
        Put(file, BlockEnd(1) - Overlap + 50, "stream data ASDFGH+ more");
        Put(file, BlockEnd(1) - 20, "<xmpMM:DocumentID>uuid:0f8fad5b-d9cb-469f-a165-70867728950e</xmpMM:DocumentID>");
        Put(file, BlockEnd(2) + 100, "<xmpMM:InstanceID>uuid:7c9e6679-7425-40de-944b-e07fc1f90ae7</xmpMM:InstanceID>");
        var expected = WholeFileReplacement(file, "identity");

        using var stream = new MemoryStream();
        stream.Write(file);
        ReproduciblePdf.ReplaceRandomParts(stream, "identity");

        var rewritten = stream.ToArray();
        Assert.Equal(expected, rewritten);
        var text = Encoding.Latin1.GetString(rewritten);
        Assert.DoesNotContain("QWERTY+", text);
        Assert.DoesNotContain("ASDFGH+", text);
        Assert.DoesNotContain("ZXCVBN+", text);
        Assert.Equal(2, Regex.Count(text, "RPAAAA\\+"));
        Assert.Equal(2, Regex.Count(text, "RPAAAB\\+"));
        Assert.Equal(1, Regex.Count(text, "RPAAAC\\+"));
        Assert.DoesNotContain("0f8fad5b-d9cb-469f-a165-70867728950e", text);
        Assert.DoesNotContain("7c9e6679-7425-40de-944b-e07fc1f90ae7", text);
        Assert.Equal(stream.Length, stream.Position);
    }

    // What the rewrite did before it read in blocks: the whole file as one string.
    private static byte[] WholeFileReplacement(byte[] original, string identity)
    {
        var pdf = (byte[])original.Clone();
        var text = Encoding.Latin1.GetString(pdf);
        foreach (Match uuid in XmpUuid().Matches(text))
        {
            var element = uuid.Groups["element"].Value;
            var seed = SHA256(identity + element);
            Encoding.Latin1.GetBytes($"<{element}>uuid:{new Guid(seed.AsSpan(0, 16))}<").CopyTo(pdf, uuid.Index);
        }

        var tags = SubsetTag().Matches(text).Select(m => m.Groups["tag"].Value).Distinct().ToList();
        for (var i = 0; i < tags.Count; i++)
        {
            var stable = Encoding.Latin1.GetBytes($"RPAAA{(char)('A' + i)}+");
            for (var at = text.IndexOf(tags[i] + "+", StringComparison.Ordinal); at >= 0; at = text.IndexOf(tags[i] + "+", at + 1, StringComparison.Ordinal))
            {
                stable.CopyTo(pdf, at);
            }
        }

        return pdf;
    }

    private static byte[] SHA256(string seed) => System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(seed));

    // Bytes of every value, as compressed streams hold, but no upper-case letters (so no accidental tags).
    private static byte[] Filler(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is >= (byte)'A' and <= (byte)'Z')
            {
                bytes[i] = (byte)'x';
            }
        }

        return bytes;
    }

    private static void Put(byte[] file, int at, string text) => Encoding.Latin1.GetBytes(text).CopyTo(file, at);

    [GeneratedRegex(@"<(?<element>xmpMM:DocumentID|xmpMM:InstanceID)>uuid:[0-9a-fA-F-]{36}<")]
    private static partial Regex XmpUuid();

    [GeneratedRegex(@"/(?:BaseFont|FontName)\s*/(?<tag>[A-Z]{6})\+")]
    private static partial Regex SubsetTag();
}
