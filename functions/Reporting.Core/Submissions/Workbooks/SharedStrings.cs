using System.Xml;

namespace Reporting.Core.Submissions.Workbooks;

/// <summary>
/// A workbook's shared-string table, read item by item: each string's plain text, or its rich-text runs joined
/// (phonetic hints left out), kept as far as the checks need (<see cref="SubmissionRules.KeptCellCharacters"/>).
/// </summary>
internal static class SharedStrings
{
    /// <summary>The strings, or null when there are more than <paramref name="max"/>: refused before the rest is read.</summary>
    public static List<SubmissionCell>? Read(Stream? part, int max, int keep)
    {
        var strings = new List<SubmissionCell>();
        if (part is null)
        {
            return strings;
        }

        var text = new BoundedText(keep);
        using var reader = WorkbookXml.Open(part);
        while (WorkbookXml.Next(reader))
        {
            if (!WorkbookXml.IsStart(reader, "si"))
            {
                continue;
            }

            if (strings.Count == max)
            {
                return null;
            }

            strings.Add(ReadItem(reader, text));
        }

        return strings;
    }

    /// <summary>
    /// The text of an <c>si</c> or <c>is</c> element the reader is on, as Excel shows it: its own <c>t</c> if it has one,
    /// else its runs' <c>t</c> joined. Leaves the reader on the element's end.
    /// </summary>
    public static SubmissionCell ReadItem(XmlReader reader, BoundedText text)
    {
        text.Clear();
        if (reader.IsEmptyElement)
        {
            return "";
        }

        var depth = reader.Depth;
        string? child = null;
        var plain = false;
        var inText = -1;
        while (WorkbookXml.Next(reader) && reader.Depth > depth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
            {
                child = reader.LocalName;
            }

            if (WorkbookXml.IsStart(reader, "t") && !reader.IsEmptyElement)
            {
                // The item's own t wins over its runs (as the Open XML SDK reads it): only the first is read.
                if (reader.Depth == depth + 1 && !plain)
                {
                    text.Clear();
                    plain = true;
                    inText = reader.Depth;
                }
                else if (reader.Depth == depth + 2 && child == "r" && !plain)
                {
                    inText = reader.Depth;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == inText)
            {
                inText = -1;
            }
            else if (inText >= 0 && reader.Depth == inText + 1 && BoundedText.IsText(reader))
            {
                text.Add(reader);
            }
        }

        return text.ToCell();
    }
}
