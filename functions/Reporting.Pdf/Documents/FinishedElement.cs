using PdfSharp.Pdf;
using PdfSharp.Pdf.Structure;

namespace Reporting.Pdf.Documents;

/// <summary>
/// Makes an ended structure element smaller in memory, the way PDFsharp would write it anyway. PDFsharp holds every
/// element of a tagged document until it saves (a table cell, a heading, a sparkline each: a pack of 1,000 departments
/// has half a million), at about 880 bytes each; this takes off about a quarter. Only an ended element is touched:
/// PDFsharp adds no kids to it after that.
/// </summary>
internal static class FinishedElement
{
    // The PDF names themselves: PDFsharp keeps its key classes internal. A name is never changed once made (nothing on
    // PDFsharp's save path marks one), so one instance can be written in every element, of every document.
    private const string Kids = "/K";
    private const string Type = "/Type";
    private static readonly PdfName StructElem = new("/StructElem");

    public static void Compact(PdfStructureElement element)
    {
        var entries = element.Elements;
        // A single kid (most elements hold one marked-content id) stands alone, as PDFsharp's save would make it.
        if (entries.GetArray(Kids) is { Elements.Count: 1 } kids)
        {
            entries[Kids] = kids.Elements[0];
        }

        entries[Type] = StructElem;
    }
}
