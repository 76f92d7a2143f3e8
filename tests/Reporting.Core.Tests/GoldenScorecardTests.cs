using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reporting.Core.Periods;
using Reporting.Core.Scorecards.Contract;
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
    public void ScorecardJson_ReadBack_GivesTheSameBytes()
    {
        var bytes = ScorecardJson.ToUtf8(SampleScorecard());

        var document = ScorecardJson.Read(bytes);

        Assert.Equal("2026-10", document.Period);
        Assert.Equal(["product-development"], document.Summary.DepartmentsMissing);
        Assert.Equal(Encoding.UTF8.GetString(bytes), JsonSerializer.Serialize(document, new JsonSerializerOptions(ScorecardJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, TypeInfoResolver = null }).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ScorecardJson_AFileThatIsNotAScorecard_FailsWithJsonException()
    {
        Assert.Throws<JsonException>(() => ScorecardJson.Read("null"u8));
        Assert.Throws<JsonException>(() => ScorecardJson.Read("[1, 2]"u8));
        Assert.Throws<JsonException>(() => ScorecardJson.StatusOf("purple"));
        Assert.Equal(KpiStatus.Amber, ScorecardJson.StatusOf("amber"));
    }

    /// <summary>docs/scorecard.schema.json is generated from the contract's records; regenerate it with UPDATE_GOLDEN=1.</summary>
    [Fact]
    public void ScorecardSchemaInDocs_IsTheOneTheRecordsGenerate()
    {
        var path = RepositoryFiles.Path("docs", "scorecard.schema.json");
        var schema = ScorecardJson.Schema();
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, schema);
        }

        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), schema);
        Assert.Contains("\"shareOnTrack\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"changeOnLastMonth\"", schema, StringComparison.Ordinal);
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
