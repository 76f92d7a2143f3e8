using System.Xml;

namespace Reporting.Core.Submissions.Workbooks;

/// <summary>
/// Reads a workbook's XML parts forward only, at a cost bounded by construction: no DTD (so no external or expanding
/// entity is ever resolved: a part with one is damaged), no nesting deeper than <see cref="MaxDepth"/> (the reader's own
/// stack would grow with it), and values read in chunks into a buffer, never as strings longer than asked for.
/// </summary>
internal static class WorkbookXml
{
    /// <summary>Deeper than any part Excel writes (a sheet's text run is seven levels down).</summary>
    public const int MaxDepth = 64;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    public static XmlReader Open(Stream part) => XmlReader.Create(part, Settings);

    /// <summary>The next node, refusing nesting past <see cref="MaxDepth"/> as damage.</summary>
    public static bool Next(XmlReader reader)
    {
        if (!reader.Read())
        {
            return false;
        }

        return reader.Depth <= MaxDepth ? true : throw new InvalidDataException($"its XML is nested more than {MaxDepth} elements deep");
    }

    /// <summary>Whether the reader is on the start of an element of this local name, whatever its namespace prefix.</summary>
    public static bool IsStart(XmlReader reader, string localName) => reader.NodeType == XmlNodeType.Element && reader.LocalName == localName;

    public static bool IsEnd(XmlReader reader, int depth) =>
        reader.Depth == depth && (reader.NodeType == XmlNodeType.EndElement || (reader.NodeType == XmlNodeType.Element && reader.IsEmptyElement));

    /// <summary>
    /// The first characters of an attribute's value (as many as <paramref name="buffer"/> holds), read without creating a
    /// string; -1 when the element has no such attribute. The reader stays on the element.
    /// </summary>
    public static int Attribute(XmlReader reader, string localName, Span<char> buffer, char[] scratch)
    {
        if (!MoveToAttribute(reader, localName))
        {
            return -1;
        }

        var read = reader.ReadValueChunk(scratch, 0, Math.Min(scratch.Length, buffer.Length));
        scratch.AsSpan(0, read).CopyTo(buffer);
        reader.MoveToElement();
        return read;
    }

    /// <summary>An attribute's value as a string of at most <paramref name="keep"/> characters; null when absent.</summary>
    public static string? AttributeText(XmlReader reader, string localName, int keep)
    {
        if (!MoveToAttribute(reader, localName))
        {
            return null;
        }

        var scratch = new char[Math.Min(keep, 4096)];
        var read = reader.ReadValueChunk(scratch, 0, scratch.Length);
        reader.MoveToElement();
        return new string(scratch, 0, read);
    }

    // By local name, whatever the prefix: Excel's transitional and strict namespaces name the same attributes.
    private static bool MoveToAttribute(XmlReader reader, string localName)
    {
        for (var i = 0; i < reader.AttributeCount; i++)
        {
            reader.MoveToAttribute(i);
            if (reader.LocalName == localName)
            {
                return true;
            }
        }

        reader.MoveToElement();
        return false;
    }
}
