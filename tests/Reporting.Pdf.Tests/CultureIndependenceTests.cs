using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Testing;

namespace Reporting.Pdf.Tests;

/// <summary>scorecard.json and the PDFs are the same bytes whatever the machine's culture.</summary>
public sealed class CultureIndependenceTests
{
    private static readonly Period October = new(2026, 10);
    private static readonly ScorecardPdfRenderer Renderer = new(Options.Create(new PdfOptions()));

    public static TheoryData<string> Strategies => ["sample", "fractional change target"];

    [Theory]
    [MemberData(nameof(Strategies))]
    public void SampleOrganisation_ScorecardJsonAndPdfs_AreTheSameBytesInEveryCulture(string strategy)
    {
        TestCultures.RequireCultureData();
        var yaml = File.ReadAllText(RepositoryFiles.Path("samples", "strategy.yaml"));
        if (strategy != "sample")
        {
            // A target 12.5% below its baseline: a percentage with a decimal in scorecard.json and on the page.
            yaml = yaml.Replace("change: -0.20", "change: -0.125", StringComparison.Ordinal);
        }

        var invariant = TestCultures.In(CultureInfo.InvariantCulture, () => Render(yaml));
        if (strategy != "sample")
        {
            Assert.Contains("12.5% below the 2025 monthly average", Encoding.UTF8.GetString(invariant["scorecard.json"]), StringComparison.Ordinal);
        }

        foreach (var culture in TestCultures.All.Skip(1))
        {
            var files = TestCultures.In(culture, () => Render(yaml));

            Assert.Equal(invariant.Keys, files.Keys);
            Assert.Equal(Encoding.UTF8.GetString(invariant["scorecard.json"]), Encoding.UTF8.GetString(files["scorecard.json"]));
            foreach (var (name, bytes) in invariant)
            {
                if (!bytes.AsSpan().SequenceEqual(files[name]))
                {
                    Assert.Fail($"{name} differs under {culture.Name}: {FirstDifference(bytes, files[name])}");
                }
            }
        }
    }

    // Everything from the strategy text to the files runs under the current culture: parsing, scoring, writing.
    private static SortedDictionary<string, byte[]> Render(string yaml)
    {
        var strategy = StrategyYaml.Parse(yaml).GetValidStrategy();
        var scorecard = ScorecardBuilder.Build(strategy, October, SampleOrganisation.Figures(strategy));
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["scorecard.json"] = Encoding.UTF8.GetBytes(ScorecardJson.Serialize(scorecard)),
            ["leadership.pdf"] = Renderer.RenderLeadershipPack(scorecard),
        };
        foreach (var department in scorecard.Departments)
        {
            files[$"{department.Id}.pdf"] = Renderer.RenderDepartment(scorecard, department);
        }

        return files;
    }

    private static string FirstDifference(byte[] expected, byte[] actual)
    {
        var (left, right) = (PdfText.Extract(expected).Split('\n'), PdfText.Extract(actual).Split('\n'));
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            if (left[i] != right[i])
            {
                return $"text line {i + 1}: '{left[i].Trim()}' became '{right[i].Trim()}'";
            }
        }

        return left.Length == right.Length ? "same text, different bytes" : $"{left.Length} text lines became {right.Length}";
    }
}
