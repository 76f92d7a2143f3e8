using System.IO.Compression;

namespace Reporting.Core.Submissions.Workbooks;

/// <summary>
/// The parts of an .xlsx (a zip, already bounded by <see cref="WorkbookGuard"/>) and the relationships between them,
/// read as Open Packaging says: a part's relationships are in <c>_rels/&lt;name&gt;.rels</c> beside it, and targets are
/// relative to the part's folder. Only the relationships the reader follows are kept, so a huge list costs its reading only.
/// </summary>
internal sealed class WorkbookPackage(ZipArchive zip) : IDisposable
{
    private readonly Dictionary<string, ZipArchiveEntry> _parts = zip.Entries
        .GroupBy(e => e.FullName.TrimStart('/'), StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    public static WorkbookPackage Open(byte[] workbook) => new(new ZipArchive(new MemoryStream(workbook, writable: false), ZipArchiveMode.Read));

    public Stream? OpenPart(string? name) => name is not null && _parts.TryGetValue(name, out var entry) ? entry.Open() : null;

    /// <summary>The targets of <paramref name="part"/>'s relationships whose type ends with <paramref name="typeSuffix"/> (any namespace: transitional or strict), by id, at most <paramref name="max"/>.</summary>
    public Dictionary<string, string> Targets(string part, string typeSuffix, int max)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        var folder = part.Contains('/', StringComparison.Ordinal) ? part[..(part.LastIndexOf('/') + 1)] : "";
        using var stream = OpenPart($"{folder}_rels/{part[folder.Length..]}.rels");
        if (stream is null)
        {
            return targets;
        }

        using var reader = WorkbookXml.Open(stream);
        while (WorkbookXml.Next(reader))
        {
            if (!WorkbookXml.IsStart(reader, "Relationship")
                || WorkbookXml.AttributeText(reader, "TargetMode", 16) == "External"
                || WorkbookXml.AttributeText(reader, "Type", 256) is not { } type || !type.EndsWith(typeSuffix, StringComparison.Ordinal)
                || WorkbookXml.AttributeText(reader, "Id", 256) is not { } id || WorkbookXml.AttributeText(reader, "Target", 1024) is not { } target)
            {
                continue;
            }

            if (targets.Count == max)
            {
                throw new InvalidDataException($"{part} has more than {max} relationships of one kind");
            }

            targets.TryAdd(id, Resolve(folder, target));
        }

        return targets;
    }

    public void Dispose() => zip.Dispose();

    // "/xl/worksheets/sheet1.xml" is from the package's root; "worksheets/sheet1.xml" and "../x.xml" from the part's folder.
    private static string Resolve(string folder, string target)
    {
        var path = Uri.UnescapeDataString(target.StartsWith('/') ? target[1..] : folder + target);
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }
}
