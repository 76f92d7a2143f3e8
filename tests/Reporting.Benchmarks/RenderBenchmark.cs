using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Pdf;
using Reporting.Testing;

namespace Reporting.Benchmarks;

/// <summary>The leadership pack for many departments, rendered warm, in memory: pages per second.</summary>
internal static partial class RenderBenchmark
{
    public static IReadOnlyList<Measurement> Run(BenchmarkSettings settings, Period period)
    {
        var strategy = StrategyYaml.Parse(GeneratedOrganisation.StrategyYaml(settings.RenderDepartments, settings.RenderKpis)).GetValidStrategy();
        var scorecard = ScorecardBuilder.Build(strategy, period, GeneratedOrganisation.Figures(settings.RenderDepartments, settings.RenderKpis, period, 12));
        var renderer = new ScorecardPdfRenderer(Options.Create(new PdfOptions()));
        var pages = PageCount(renderer.RenderLeadershipPack(scorecard)); // warm-up, and the page count

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < settings.RenderRepeats; i++)
        {
            renderer.RenderLeadershipPack(scorecard);
        }

        watch.Stop();
        var perPage = watch.Elapsed.TotalMilliseconds / (pages * settings.RenderRepeats);
        var pagesPerSecond = 1000 / perPage;
        var ceiling = CeilingPagesPerSecond(renderer.RenderLeadershipPack(scorecard), settings.RenderRepeats);
        var ratio = pagesPerSecond / ceiling;
        return
        [
            new("3. Rendering", $"leadership pack, {settings.RenderDepartments} departments x {settings.RenderKpis} KPIs ({pages} pages), warm, x{settings.RenderRepeats}",
                $"{pagesPerSecond:N0} pages/s = {perPage:0.00} ms/page", ">= 500 pages/s", pagesPerSecond >= 500 ? "met" : "missed"),
            new("3. Rendering", "the same pack against bare PDFsharp drawing the same text runs, lines, rectangles and curves per page (no layout, no tags), same run",
                $"{ratio:0.00} of the ceiling ({ceiling:N0} pages/s bare)", ">= 0.5", ratio >= 0.5 ? "met" : "missed"),
        ];
    }

    // Pages per second of bare PDFsharp drawing what the pack's pages contain, warm, measured in the same run.
    private static double CeilingPagesPerSecond(byte[] pack, int repeats)
    {
        var drawings = BareRenderCeiling.Count(pack);
        BareRenderCeiling.Render(drawings); // warm-up
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < repeats; i++)
        {
            BareRenderCeiling.Render(drawings);
        }

        watch.Stop();
        return drawings.Count * repeats / watch.Elapsed.TotalSeconds;
    }

    private static int PageCount(byte[] pdf) => PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PageObject();
}
