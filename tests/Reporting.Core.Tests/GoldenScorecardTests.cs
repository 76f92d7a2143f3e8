using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Testing;

namespace Reporting.Core.Tests;

/// <summary>
/// The sample organisation's October 2026 scorecard.json, checked in as tests/Reporting.Core.Tests/golden/.
/// After an intended change, regenerate it with UPDATE_GOLDEN=1 dotnet test, and review the diff like code.
/// </summary>
public sealed class GoldenScorecardTests
{
    private static readonly string GoldenPath = RepositoryFiles.Path("tests", "Reporting.Core.Tests", "golden", "scorecard-2026-10.json");

    private static Scorecard SampleScorecard() => SampleOrganisation.Scorecard(new Period(2026, 10));

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
