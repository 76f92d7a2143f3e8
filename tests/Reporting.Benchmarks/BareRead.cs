using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using YamlDotNet.Core;

namespace Reporting.Benchmarks;

/// <summary>
/// The ceiling the checks are measured against: reading the same bytes with the same libraries and nothing else.
/// A CSV decoded and every field of every record visited; every part of a workbook unzipped and its XML read node by
/// node (no DTD, as the reader does); a strategy's YAML parsed to events.
/// </summary>
internal static class BareRead
{
    private static readonly XmlReaderSettings Xml = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };

    public static long Csv(byte[] bytes)
    {
        var text = bytes.AsSpan().StartsWith((byte[])[0xFF, 0xFE]) ? Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2) : Encoding.Latin1.GetString(bytes);
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true, TrimWhitespace = true });
        long length = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                length += csv.GetSpan(i).Length;
            }
        }

        return length;
    }

    public static long Workbook(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        long nodes = 0;
        foreach (var entry in zip.Entries)
        {
            try
            {
                using var reader = XmlReader.Create(entry.Open(), Xml);
                while (reader.Read())
                {
                    nodes++;
                }
            }
            catch (XmlException)
            {
                // A part that is not XML (or whose entities are undeclared) ends its reading; the rest are read.
            }
        }

        return nodes;
    }

    public static long Yaml(byte[] bytes)
    {
        var parser = new Parser(new StringReader(Encoding.UTF8.GetString(bytes)));
        long events = 0;
        try
        {
            while (parser.MoveNext())
            {
                events++;
            }
        }
        catch (YamlException)
        {
        }

        return events;
    }
}
