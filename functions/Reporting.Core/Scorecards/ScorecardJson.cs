using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reporting.Core.Scorecards;

/// <summary>
/// Writes <c>scorecard.json</c>. The field names documented in the README (period, departments[].id/name/kpis[],
/// kpis[].id/name/unit/actual/target/status) are a stable contract for other tools; more may be added, none renamed.
/// </summary>
public static class ScorecardJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(Scorecard scorecard) => JsonSerializer.Serialize(ToDocument(scorecard), Options);

    private static object ToDocument(Scorecard scorecard) => new
    {
        period = scorecard.Period.ToString(),
        organisation = scorecard.Organisation,
        strategyVersion = scorecard.StrategyVersion,
        dataAsOf = scorecard.DataAsOf.ToString("yyyy-MM-dd"),
        summary = new
        {
            green = scorecard.Counts.Green,
            amber = scorecard.Counts.Amber,
            red = scorecard.Counts.Red,
            missing = scorecard.Counts.Missing,
            shareOnTrack = Math.Round(scorecard.Counts.ShareOnTrack, 4),
        },
        departments = scorecard.Departments.Select(d => new
        {
            id = d.Id,
            name = d.Name,
            owner = d.Owner,
            submitted = d.Submitted,
            status = Word(d.OverallStatus),
            kpis = d.Kpis.Select(k => new
            {
                id = k.Id,
                name = k.Name,
                unit = k.Unit,
                actual = k.Actual,
                target = k.Target,
                status = Word(k.Status),
                variance = k.Variance,
                previousActual = k.PreviousActual,
                comment = k.Comment,
            }),
        }),
    };

    private static string Word(Scoring.KpiStatus status) => status.ToString().ToLowerInvariant();
}
