using PdfSharp.Drawing;
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
    public void Begin(PdfBlockLevelElementTag tag) => builder?.BeginElement(tag);

    public void Begin(PdfGroupingElementTag tag) => builder?.BeginElement(tag);

    /// <summary>A chart or sparkline: read aloud as <paramref name="altText"/> instead of its lines.</summary>
    public void BeginFigure(string altText, XRect box) => builder?.BeginElement(PdfIllustrationElementTag.Figure, altText, box);

    /// <summary>Decoration (rules, fills, chips' backgrounds, repeated table headers, footers) that a reader should skip.</summary>
    public void BeginArtifact() => builder?.BeginArtifact();

    public void End() => builder?.End();

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
}
