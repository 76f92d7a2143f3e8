using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Reporting.Pdf.Documents;

/// <summary>
/// Keeps PDFsharp's tagging linear in the number of pages. For every piece of tagged content, PDFsharp 6.5 searches the
/// structure parent tree's <c>/Nums</c> array, which holds an entry per page so far: a 1,000-page pack would spend
/// minutes there. A finished page's entry is never searched for again, so we shelve the entries when a page is done and
/// put them all back, in order, before saving. The file is byte-for-byte what PDFsharp would have written.
/// </summary>
internal sealed class ParentTreeShelf(UAManager accessibility)
{
    private readonly List<PdfItem> _shelved = [];

    /// <summary>Moves the finished pages' entries off the array PDFsharp searches.</summary>
    public void ShelveFinishedPages()
    {
        if (Nums() is { } nums)
        {
            _shelved.AddRange(nums.Elements);
            nums.Elements.Clear();
        }
    }

    /// <summary>Puts every entry back in page order, before the document is saved.</summary>
    public void Restore()
    {
        if (_shelved.Count == 0 || Nums() is not { } nums)
        {
            return;
        }

        var current = nums.Elements.ToList();
        nums.Elements.Clear();
        foreach (var item in _shelved.Concat(current))
        {
            nums.Elements.Add(item);
        }

        _shelved.Clear();
    }

    // The PDF names themselves: PDFsharp keeps its key classes internal.
    private PdfArray? Nums() =>
        accessibility.StructureTreeRoot.Elements.GetDictionary("/ParentTree")?.Elements.GetArray("/Nums");
}
