using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reporting.Core.Scorecards.Contract;
using Reporting.Core.Scoring;

namespace Reporting.Core.Scorecards;

/// <summary>
/// Writes and reads <c>scorecard.json</c>, whose shape is <see cref="ScorecardDocument"/> (the contract: Contract/ScorecardDocument.cs).
/// </summary>
public static class ScorecardJson
{
    // The generated context's options, writing non-ASCII text as itself (names in any language stay readable).
    private static readonly ScorecardJsonContext Context = new(new JsonSerializerOptions(ScorecardJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = null,
    });

    public static string Serialize(Scorecard scorecard) =>
        JsonSerializer.Serialize(ToDocument(scorecard), Context.ScorecardDocument).ReplaceLineEndings("\n");

    /// <summary>The bytes of <c>scorecard.json</c> as stored: <see cref="Serialize"/> in UTF-8.</summary>
    public static byte[] ToUtf8(Scorecard scorecard) => System.Text.Encoding.UTF8.GetBytes(Serialize(scorecard));

    /// <summary>Reads a stored <c>scorecard.json</c> back; a file that is not one fails with <see cref="JsonException"/>.</summary>
    public static ScorecardDocument Read(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, Context.ScorecardDocument) ?? throw new JsonException("scorecard.json holds null, not a scorecard");

    /// <summary>The scorecard as the file holds it.</summary>
    public static ScorecardDocument ToDocument(Scorecard scorecard) => new(
        Period: scorecard.Period.ToString(),
        Organisation: scorecard.Organisation,
        StrategyVersion: scorecard.StrategyVersion,
        DataAsOf: Day(scorecard.DataAsOf),
        SubmissionDeadline: Day(scorecard.SubmissionDeadline),
        TimeZone: scorecard.TimeZone,
        Summary: new ScorecardSummary(
            Green: scorecard.Counts.Green,
            Amber: scorecard.Counts.Amber,
            Red: scorecard.Counts.Red,
            Missing: scorecard.Counts.Missing,
            ShareOnTrack: Round(scorecard.Counts.ShareOnTrack),
            DepartmentsMissing: [.. scorecard.MissingSubmissions.Select(d => d.Id)],
            DepartmentsLate: [.. scorecard.LateSubmissions.Select(d => d.Id)],
            Improvements: [.. scorecard.Improvements.Select(Movement)],
            Declines: [.. scorecard.Declines.Select(Movement)]),
        Path: new PathEntry(
            Months: [.. scorecard.OrganisationPath.Months.Select(m => new PathMonthEntry(
                m.Period.ToString(), m.Counts.Green, m.Counts.Amber, m.Counts.Red, m.Counts.Missing, Round(m.Counts.ShareOnTrack),
                [.. m.DepartmentStatuses.Select(Word)]))],
            Changes: [.. scorecard.OrganisationPath.Changes.Select(c => new PathChangeEntry(c.Period.ToString(), c.Label))]),
        Departments: [.. scorecard.Departments.Select(d => new DepartmentEntry(
            Id: d.Id,
            Name: d.Name,
            Owner: d.Owner,
            Submitted: d.Submitted,
            ReceivedOn: d.ReceivedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Late: d.IsLate,
            Status: Word(d.OverallStatus),
            Kpis: [.. d.Kpis.Select(Kpi)]))]);

    private static KpiEntry Kpi(KpiScore k) => new(
        Id: k.Id,
        Name: k.Name,
        Unit: k.Unit.Code,
        Actual: Round(k.Actual),
        Target: Round(k.Target?.Value),
        Status: Word(k.Status),
        TargetMin: Round(k.Target?.Min),
        TargetMax: Round(k.Target?.Max),
        TargetDescription: k.Target?.Description,
        MissingReason: k.MissingReason,
        Variance: Round(k.Variance),
        VariancePercent: Round(k.VariancePercent),
        PreviousActual: Round(k.PreviousActual),
        ChangeOnPreviousMonth: Round(k.ChangeOnPreviousMonth),
        QuarterToDate: Round(k.QuarterToDate),
        YearToDate: Round(k.YearToDate),
        Trend: k.Trend.ToString().ToLowerInvariant(),
        ChangeOnLastMonth: k.ChangeOnLastMonth.ToString().ToLowerInvariant(),
        History: [.. k.History.Select(Round)],
        Derived: k.IsDerived,
        Due: k.Due?.ToString(),
        MonthsUntilDue: k.Milestone?.MonthsUntilDue,
        DoneIn: k.Milestone?.DoneIn?.ToString(),
        Comment: k.Comment);

    private static MovementEntry Movement(KpiMovement movement) => new(movement.DepartmentId, movement.Kpi.Id, Round(movement.ImprovementPercent));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Six significant decimals keep the file stable across platforms' last-bit differences in floating point.
    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;

    private static string Word(KpiStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A status word as the file writes it (green, amber, red, missing) read back; another word fails with <see cref="JsonException"/>.</summary>
    public static KpiStatus StatusOf(string word) =>
        Enum.GetValues<KpiStatus>().FirstOrDefault(s => Word(s) == word, (KpiStatus)(-1)) is var status && Enum.IsDefined(status)
            ? status
            : throw new JsonException($"'{word}' is not a status of scorecard.json (green, amber, red, missing)");

    /// <summary>The JSON Schema of <see cref="ScorecardDocument"/>, generated from the records (docs/scorecard.schema.json holds it).</summary>
    public static string Schema()
    {
        // Every field is always written (null where there is no value), so every field is required.
        var options = new JsonSerializerOptions(Context.Options) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };
        var body = System.Text.Json.Schema.JsonSchemaExporter.GetJsonSchemaAsNode(options, typeof(ScorecardDocument),
            new System.Text.Json.Schema.JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }).AsObject();
        var schema = new System.Text.Json.Nodes.JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "scorecard.json",
            ["description"] = "One month's scorecard for the organisation, as Reporting writes it beside the PDFs. Generated from Reporting.Core/Scorecards/Contract/ScorecardDocument.cs; fields may be added, none renamed or removed.",
        };
        foreach (var (name, value) in body.ToList())
        {
            body.Remove(name);
            schema[name] = value;
        }

        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }
}
