using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Structure;
using PdfSharp.UniversalAccessibility;

namespace Reporting.Pdf.Documents;

/// <summary>
/// The document's structure for screen readers (PDF/UA through PDFsharp's <see cref="StructureBuilder"/>): headings,
/// paragraphs, tables with header cells, figures with alternative text, and artifacts for decoration and footers.
/// PDFsharp refuses any drawing outside an element, so every component draws inside one of these. Without a builder
/// (the page-counting pass) every call does nothing.
/// </summary>
public sealed class DocumentTags(StructureBuilder? builder)
{
    // The structure elements begun and not yet ended; null for an artifact.
    private readonly Stack<PdfStructureElement?> _open = new();

    public void Begin(PdfBlockLevelElementTag tag) => Began(b => b.BeginElement(tag));

    public void Begin(PdfGroupingElementTag tag) => Began(b => b.BeginElement(tag));

    /// <summary>A chart or sparkline: read aloud as <paramref name="altText"/> instead of its lines.</summary>
    public void BeginFigure(string altText, XRect box) => Began(b => b.BeginElement(PdfIllustrationElementTag.Figure, altText, box));

    /// <summary>Decoration (rules, fills, chips' backgrounds, repeated table headers, footers) that a reader should skip.</summary>
    public void BeginArtifact()
    {
        if (builder is not null)
        {
            builder.BeginArtifact();
            _open.Push(null);
        }
    }

    public void End()
    {
        if (builder is not null)
        {
            builder.End();
            if (_open.Pop() is { } element)
            {
                FinishedElement.Compact(element);
            }
        }
    }

    /// <summary>Closes open marked content before the page's graphics are disposed.</summary>
    public void CloseMarkedContent() => builder?.EndMarkedContentsWithId();

    /// <summary>Draws <paramref name="draw"/> as one element of <paramref name="tag"/>.</summary>
    public void Element(PdfBlockLevelElementTag tag, Action draw)
    {
        Begin(tag);
        draw();
        End();
    }

    public void Artifact(Action draw)
    {
        BeginArtifact();
        draw();
        End();
    }

    private void Began(Action<StructureBuilder> begin)
    {
        if (builder is not null)
        {
            begin(builder);
            _open.Push(builder.CurrentStructureElement);
        }
    }
}
