using System.Globalization;
using System.Text;
using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;

namespace Reporting.Core.Submissions;

/// <summary>
/// A department's submission for a month with every KPI it reports (inputs included, derived KPIs left out) and the
/// values left blank, so an owner fills in figures rather than guessing KPI ids (the contract is
/// docs/submission-format.md). <see cref="For"/> adds guidance (name, unit, target, last month's value) that the reader
/// passes over; <see cref="SubmissionTemplateFiles"/> writes it as CSV or .xlsx.
/// </summary>
public static class SubmissionTemplate
{
    public static string FileName(Period period) => $"{period}.csv";

    /// <summary>The plain template the reminder mail attaches: period, kpi and empty value and comment columns.</summary>
    public static string Csv(Department department, Period period)
    {
        var csv = new StringBuilder("period,kpi,value,comment\n");
        foreach (var kpi in department.SubmittedKpis)
        {
            csv.Append(period.ToString()).Append(',').Append(kpi.Id).Append(",,\n");
        }

        return csv.ToString();
    }

    /// <summary>The month's template with guidance: each submitted KPI's name, unit, target in force and the value in force for the month before.</summary>
    /// <param name="department">The department whose KPIs are listed, in the strategy's order.</param>
    /// <param name="period">The month the template is for; its rows carry it in the period column.</param>
    /// <param name="figures">The stored figures: last month's values, and the baselines of "change" targets.</param>
    public static MonthTemplate For(Department department, Period period, FigureBook figures)
    {
        var targets = new TargetResolver(figures);
        var rows = department.SubmittedKpis.Select(kpi =>
        {
            var target = kpi.IsInput ? null : targets.Resolve(department, kpi, period);
            var last = figures.Measure(department, kpi, period.Previous()).Value;
            return new TemplateRow(kpi.Id, kpi.Name, kpi.Unit.Code, target?.Value, TargetText(kpi, target), last);
        }).ToList();
        return new MonthTemplate(department.Id, department.Name, period, rows);
    }

    private static string TargetText(KpiDefinition kpi, Target? target) => target switch
    {
        null => "",
        { Value: { } value } when kpi.IsMilestone && kpi.Due is { } due => string.Create(CultureInfo.InvariantCulture, $"{value} by {due}"),
        { Min: { } min, Max: { } max } => $"{TemplateRow.Number(min)} to {TemplateRow.Number(max)}",
        { Value: { } value } => TemplateRow.Number(value),
        _ => "",
    };
}

/// <summary>A department's template for one month: what <see cref="SubmissionTemplateFiles"/> writes.</summary>
public sealed record MonthTemplate(string DepartmentId, string DepartmentName, Period Period, IReadOnlyList<TemplateRow> Rows);

/// <summary>
/// One KPI in a template. <see cref="Target"/> is the target's value when it is a single number (else null), and
/// <see cref="TargetText"/> says it for people (a range "90 to 95", a milestone "1 by 2027-03"); <see cref="LastMonth"/>
/// is the value in force for the month before, or null when none was stored.
/// </summary>
public sealed record TemplateRow(string KpiId, string Name, string Unit, double? Target, string TargetText, double? LastMonth)
{
    /// <summary>A figure for people, culture-independent: at most two decimals, no thousands separators.</summary>
    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
