using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;
using PdfSharp.UniversalAccessibility;
using Reporting.Pdf;
using Reporting.Pdf.Documents;

namespace Reporting.Benchmarks;

/// <summary>
/// The ceilings for rendering: bare PDFsharp drawing, per page, as many text runs, lines, rectangles and curves as a
/// rendered document has, with no layout and no measuring. Untagged, it is what drawing alone costs; tagged, the same
/// drawing is also put into as many tagged pieces of content (flat paragraphs, one structure element each) and
/// artifacts per page as the document has, which is what PDFsharp's accessibility support costs for that much structure
/// whatever the layout. Our pack's speed as a share of each is what our own layout (and, against the untagged one, our
/// accessibility) costs.
/// </summary>
internal static class BareRenderCeiling
{
    /// <summary>What one page draws: the drawing operators, and its marked content (tagged and artifacts).</summary>
    public sealed record PageDrawing(int Texts, int Lines, int Rectangles, int Curves, int TaggedContent, int Artifacts)
    {
        /// <summary>Structure elements that group others (tables, rows, sections) on this page: the pack's share, spread by tagged content.</summary>
        public int Groups { get; init; }
    }

    /// <summary>Counts the drawing operators (Tj/TJ, l, re, c) and marked-content sequences (BDC with an MCID, artifacts) on each page.</summary>
    public static IReadOnlyList<PageDrawing> Count(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var pages = new List<PageDrawing>();
        foreach (var page in document.Pages)
        {
            var operators = ContentReader.ReadContent(page).OfType<COperator>().ToList();
            var names = operators.Select(o => o.OpCode.Name).ToList();
            // PDFsharp's content reader drops a BDC's operands (the inline <</MCID n>>), so every BDC that is not
            // visibly an artifact counts as tagged; PDFsharp itself writes artifacts as /Artifact BMC.
            static bool IsArtifact(COperator o) => o.Operands.Count > 0 && o.Operands[0] is CName { Name: "/Artifact" };
            var tagged = operators.Count(o => o.OpCode.Name == "BDC" && !IsArtifact(o));
            var artifacts = operators.Count(o => o.OpCode.Name is "BMC" or "BDC" && IsArtifact(o));
            pages.Add(new PageDrawing(names.Count(n => n is "Tj" or "TJ"), names.Count(n => n == "l"), names.Count(n => n == "re"), names.Count(n => n == "c"), tagged, artifacts));
        }

        // The structure elements that hold no content of their own (Document, Sect, Table, TR) are not on any page; they
        // are spread over the pages by their tagged content, so the tagged ceiling builds a tree as large as the pack's.
        var elements = document.Internals.GetAllObjects().OfType<PdfDictionary>().Count(d => d.Elements.GetName("/Type") == "/StructElem");
        var pieces = pages.Sum(p => p.TaggedContent);
        var groups = Math.Max(0, elements - pieces);
        var given = 0;
        var seen = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            seen += pages[i].TaggedContent;
            var due = pieces == 0 ? 0 : (int)((long)groups * seen / pieces);
            pages[i] = pages[i] with { Groups = due - given };
            given = due;
        }

        return pages;
    }

    /// <summary>Draws the same number of each on the same number of pages, and saves; tagged, in as many pieces.</summary>
    public static byte[] Render(IReadOnlyList<PageDrawing> pages, bool tagged)
    {
        // The same compression setting as our documents (PdfBuilder), so the ratio is not a compression setting's.
        using var document = new PdfDocument { Options = { FlateEncodeMode = PdfFlateEncodeMode.BestSpeed } };
        var structure = tagged ? UAManager.ForDocument(document) : null;
        structure?.SetDocumentLanguage(Theme.Language);
        var shelf = structure is null ? null : new ParentTreeShelf(structure);
        var pen = new XPen(Theme.Ink, 0.5);
        foreach (var drawing in pages)
        {
            structure?.StructureBuilder.EndMarkedContentsWithId();
            shelf?.ShelveFinishedPages();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(Theme.PageWidth);
            page.Height = XUnit.FromPoint(Theme.PageHeight);
            using var gfx = XGraphics.FromPdfPage(page);
            var pieces = new Pieces(structure?.StructureBuilder, drawing);
            for (var i = 0; i < drawing.Texts; i++)
            {
                pieces.Next();
                gfx.DrawString($"Text run {i}: 1,234.5", Theme.Body, Theme.InkBrush, Theme.Margin + (i % 5 * 90), Theme.Margin + (i / 5 % 70 * 11), XStringFormats.TopLeft);
            }

            for (var i = 0; i < drawing.Lines; i++)
            {
                pieces.Next();
                gfx.DrawLine(pen, Theme.Margin, 60 + (i % 700), Theme.PageWidth - Theme.Margin, 60 + (i % 700));
            }

            for (var i = 0; i < drawing.Rectangles; i++)
            {
                pieces.Next();
                gfx.DrawRectangle(Theme.MutedBrush, Theme.Margin + (i % 10 * 50), 60 + (i / 10 % 70 * 10), 40, 8);
            }

            for (var i = 0; i < drawing.Curves / 4; i++)
            {
                pieces.Next();
                gfx.DrawEllipse(Theme.MutedBrush, Theme.Margin + (i % 10 * 50), 60 + (i / 10 % 70 * 10), 6, 6);
            }

            pieces.FinishPage();
            structure?.StructureBuilder.EndMarkedContentsWithId();
        }

        shelf?.Restore();
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    // Splits a page's drawing operations, in order, into its tagged pieces (a paragraph each) and then its artifacts;
    // the paragraphs are spread over as many grouping elements (divisions) as the page's share of the pack's.
    private sealed class Pieces(StructureBuilder? builder, PageDrawing drawing)
    {
        private int _group = -1;

        private readonly int _operations = drawing.Texts + drawing.Lines + drawing.Rectangles + (drawing.Curves / 4);
        private readonly int _pieces = drawing.TaggedContent + drawing.Artifacts;
        private int _done;
        private int _open = -1;

        public void Next()
        {
            if (builder is null || _pieces == 0)
            {
                return;
            }

            var piece = (int)((long)_done++ * _pieces / _operations);
            if (piece == _open)
            {
                return;
            }

            Finish();
            _open = piece;
            if (piece < drawing.TaggedContent)
            {
                var group = drawing.Groups == 0 ? -1 : (int)((long)piece * drawing.Groups / drawing.TaggedContent);
                if (group != _group)
                {
                    EndGroup();
                    builder.BeginElement(PdfGroupingElementTag.Division);
                    _group = group;
                }

                builder.BeginElement(PdfBlockLevelElementTag.Paragraph);
            }
            else
            {
                EndGroup();
                builder.BeginArtifact();
            }
        }

        public void Finish()
        {
            if (_open >= 0)
            {
                builder!.End();
                _open = -1;
            }
        }

        public void FinishPage()
        {
            Finish();
            EndGroup();
        }

        private void EndGroup()
        {
            if (_group >= 0)
            {
                builder!.End();
                _group = -1;
            }
        }
    }
}
