using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Testing;

namespace Reporting.Core.Tests;

/// <summary>
/// The sample organisation's October 2026 scorecard.json, checked in as tests/Reporting.Core.Tests/golden/.
/// After an intended change, regenerate it with UPDATE_GOLDEN=1 dotnet test, and review the diff like code.
/// </summary>
public sealed class GoldenScorecardTests
{
    private static readonly string GoldenPath = RepositoryFiles.Path("tests", "Reporting.Core.Tests", "golden", "scorecard-2026-10.json");

    public static Scorecard SampleScorecard()
    {
        var strategy = StrategyYaml.Load(RepositoryFiles.Path("samples", "strategy.yaml")).GetValidStrategy();
        var reader = new SubmissionCsvReader(new SubmissionRules());
        var figures = Directory.EnumerateFiles(RepositoryFiles.Path("samples", "submissions"), "*.csv", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(path =>
            {
                using var stream = File.OpenRead(path);
                var result = reader.Read(stream, strategy.FindDepartment(Path.GetFileName(Path.GetDirectoryName(path)!))!);
                Assert.True(result.IsAccepted, $"{path}: {string.Join("; ", result.Problems)}");
                return result.Figures;
            });
        return ScorecardBuilder.Build(strategy, new Period(2026, 10), figures);
    }

    [Fact]
    public void SampleOrganisation_ScorecardJson_MatchesTheGoldenFile()
    {
        var actual = ScorecardJson.Serialize(SampleScorecard());
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(GoldenPath)!);
            File.WriteAllText(GoldenPath, actual);
        }

        Assert.Equal(File.ReadAllText(GoldenPath).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void SampleOrganisation_LatestMonth_HasEveryStatusAndAMissingDepartment()
    {
        var scorecard = SampleScorecard();

        Assert.All(Enum.GetValues<KpiStatus>(), status => Assert.Contains(scorecard.Departments.SelectMany(d => d.Kpis), k => k.Status == status));
        Assert.Equal(["product-development"], scorecard.MissingSubmissions.Select(d => d.Id));
        Assert.NotEmpty(scorecard.Improvements);
        Assert.NotEmpty(scorecard.Declines);
    }
}
