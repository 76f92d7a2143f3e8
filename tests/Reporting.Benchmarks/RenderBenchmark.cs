using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Pdf;
using Reporting.Testing;

namespace Reporting.Benchmarks;

/// <summary>
/// The leadership pack for many departments, rendered warm, in memory: pages per second, and as a share of two ceilings
/// measured in the same run (bare PDFsharp drawing the same content, untagged and tagged as much as the pack). The pack
/// and the ceilings are timed in interleaved rounds and each keeps its best round, so a burst of load on a shared machine
/// does not fall on one side only.
/// </summary>
internal static partial class RenderBenchmark
{
    private const int Rounds = 3;

    public static IReadOnlyList<Measurement> Run(BenchmarkSettings settings, Period period)
    {
        var strategy = StrategyYaml.Parse(GeneratedOrganisation.StrategyYaml(settings.RenderDepartments, settings.RenderKpis)).GetValidStrategy();
        var scorecard = ScorecardBuilder.Build(strategy, period, GeneratedOrganisation.Figures(settings.RenderDepartments, settings.RenderKpis, period, 12));
        var renderer = new ScorecardPdfRenderer(Options.Create(new PdfOptions()));
        var pack = renderer.RenderLeadershipPack(scorecard); // warm-up, the page count and what the ceilings draw
        var pages = PageCount(pack);
        var drawings = BareRenderCeiling.Count(pack);
        BareRenderCeiling.Render(drawings, tagged: false); // warm-up
        BareRenderCeiling.Render(drawings, tagged: true);

        var (ours, bare, bareTagged) = (TimeSpan.MaxValue, TimeSpan.MaxValue, TimeSpan.MaxValue);
        for (var round = 0; round < Rounds; round++)
        {
            ours = Min(ours, Time(settings.RenderRepeats, () => renderer.RenderLeadershipPack(scorecard)));
            bare = Min(bare, Time(settings.RenderRepeats, () => BareRenderCeiling.Render(drawings, tagged: false)));
            bareTagged = Min(bareTagged, Time(settings.RenderRepeats, () => BareRenderCeiling.Render(drawings, tagged: true)));
        }

        var perPage = ours.TotalMilliseconds / (pages * settings.RenderRepeats);
        var pagesPerSecond = 1000 / perPage;
        var ceiling = drawings.Count * settings.RenderRepeats / bare.TotalSeconds;
        var taggedCeiling = drawings.Count * settings.RenderRepeats / bareTagged.TotalSeconds;
        var ratio = pagesPerSecond / ceiling;
        var taggedRatio = pagesPerSecond / taggedCeiling;
        var structure = $"{drawings.Sum(d => d.TaggedContent):N0} tagged pieces, {drawings.Sum(d => d.Groups):N0} grouping elements, {drawings.Sum(d => d.Artifacts):N0} artifacts";
        return
        [
            new("3. Rendering", $"leadership pack, {settings.RenderDepartments} departments x {settings.RenderKpis} KPIs ({pages} pages, tagged), warm, x{settings.RenderRepeats}, best of {Rounds} rounds",
                $"{pagesPerSecond:N0} pages/s = {perPage:0.00} ms/page", ">= 500 pages/s", pagesPerSecond >= 500 ? "met" : "missed"),
            new("3. Rendering", "the same pack against bare PDFsharp drawing the same text runs, lines, rectangles and curves per page (no layout, no tags), same run",
                $"{ratio:0.00} of the untagged ceiling ({ceiling:N0} pages/s bare)", "(>= 0.5 asked; see notes)", ratio >= 0.5 ? "met" : "missed"),
            new("3. Rendering", $"the same against the same bare drawing tagged as much as the pack ({structure}, paragraphs in as many divisions as the pack has grouping elements; no layout), same run: the goal's ceiling for a tagged pack",
                $"{taggedRatio:0.00} of the tagged ceiling ({taggedCeiling:N0} pages/s bare, tagged)", ">= 0.5", taggedRatio >= 0.5 ? "met" : "missed"),
        ];
    }

    private static TimeSpan Time(int repeats, Action render)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < repeats; i++)
        {
            render();
        }

        return watch.Elapsed;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static int PageCount(byte[] pdf) => PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PageObject();
}
