using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Reporting.Core.Scoring;

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
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(Scorecard scorecard) => JsonSerializer.Serialize(ToDocument(scorecard), Options).ReplaceLineEndings("\n");

    /// <summary>The bytes of <c>scorecard.json</c> as stored: <see cref="Serialize"/> in UTF-8.</summary>
    public static byte[] ToUtf8(Scorecard scorecard) => System.Text.Encoding.UTF8.GetBytes(Serialize(scorecard));

    private static object ToDocument(Scorecard scorecard) => new
    {
        period = scorecard.Period.ToString(),
        organisation = scorecard.Organisation,
        strategyVersion = scorecard.StrategyVersion,
        dataAsOf = scorecard.DataAsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        submissionDeadline = scorecard.SubmissionDeadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        timeZone = scorecard.TimeZone,
        summary = new
        {
            green = scorecard.Counts.Green,
            amber = scorecard.Counts.Amber,
            red = scorecard.Counts.Red,
            missing = scorecard.Counts.Missing,
            shareOnTrack = Round(scorecard.Counts.ShareOnTrack),
            departmentsMissing = scorecard.MissingSubmissions.Select(d => d.Id),
            departmentsLate = scorecard.LateSubmissions.Select(d => d.Id),
            improvements = scorecard.Improvements.Select(Movement),
            declines = scorecard.Declines.Select(Movement),
        },
        path = new
        {
            months = scorecard.OrganisationPath.Months.Select(m => new
            {
                period = m.Period.ToString(),
                green = m.Counts.Green,
                amber = m.Counts.Amber,
                red = m.Counts.Red,
                missing = m.Counts.Missing,
                shareOnTrack = Round(m.Counts.ShareOnTrack),
                departments = m.DepartmentStatuses.Select(Word),
            }),
            changes = scorecard.OrganisationPath.Changes.Select(c => new { period = c.Period.ToString(), label = c.Label }),
        },
        departments = scorecard.Departments.Select(d => new
        {
            id = d.Id,
            name = d.Name,
            owner = d.Owner,
            submitted = d.Submitted,
            receivedOn = d.ReceivedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            late = d.IsLate,
            status = Word(d.OverallStatus),
            kpis = d.Kpis.Select(k => new
            {
                id = k.Id,
                name = k.Name,
                unit = k.Unit.Code,
                actual = Round(k.Actual),
                target = Round(k.Target?.Value),
                status = Word(k.Status),
                targetMin = Round(k.Target?.Min),
                targetMax = Round(k.Target?.Max),
                targetDescription = k.Target?.Description,
                missingReason = k.MissingReason,
                variance = Round(k.Variance),
                variancePercent = Round(k.VariancePercent),
                previousActual = Round(k.PreviousActual),
                changeOnPreviousMonth = Round(k.ChangeOnPreviousMonth),
                quarterToDate = Round(k.QuarterToDate),
                yearToDate = Round(k.YearToDate),
                trend = k.Trend.ToString().ToLowerInvariant(),
                changeOnLastMonth = k.ChangeOnLastMonth.ToString().ToLowerInvariant(),
                history = k.History.Select(Round),
                derived = k.IsDerived,
                due = k.Due?.ToString(),
                monthsUntilDue = k.Milestone?.MonthsUntilDue,
                doneIn = k.Milestone?.DoneIn?.ToString(),
                comment = k.Comment,
            }),
        }),
    };

    private static object Movement(KpiMovement movement) => new
    {
        department = movement.DepartmentId,
        kpi = movement.Kpi.Id,
        changePercent = Round(movement.ImprovementPercent),
    };

    // Six significant decimals keep the file stable across platforms' last-bit differences in floating point.
    private static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;

    private static string Word(KpiStatus status) => status.ToString().ToLowerInvariant();
}
