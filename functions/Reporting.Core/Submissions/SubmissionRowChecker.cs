using System.Globalization;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Core.Submissions;

// Checks one data row at a time and remembers what the rows must agree on (one period, each KPI once).
internal sealed class SubmissionRowChecker(
    Department department, SubmissionColumns columns, IReadOnlyList<SubmissionCell> header, SubmissionRules rules, List<SubmissionProblem> problems,
    ProblemLocator locator, DecimalMark decimalMark)
{
    private readonly Dictionary<string, long> _seenKpis = new(StringComparer.OrdinalIgnoreCase);

    public Period? Period { get; private set; }

    public KpiFigure? Check(SubmissionCell[] record, long line)
    {
        var problemsBefore = problems.Count;
        string Cell(int column) => column > 0 && column <= record.Length ? record[column - 1].Text.Trim() : "";
        void Problem(int column, string name, string message) => problems.Add(locator.At((int)line, column, name, message) with
        {
            Value = column > 0 && column <= record.Length ? Shortened(record[column - 1].Text.Trim()) : null,
        });

        if (!locator.IsSheet && record.Length > header.Count)
        {
            Problem(header.Count + 1, "(none)", string.Create(CultureInfo.InvariantCulture, $"this line has {record.Length} fields but the header has {header.Count}; a value that contains the delimiter must be in double quotes"));
        }

        for (var i = 0; locator.IsSheet && i < record.Length; i++)
        {
            if (!record[i].IsEmpty && (i >= header.Count || header[i].IsEmpty))
            {
                Problem(i + 1, "(none)", $"'{record[i].Text}' is in a column without a header; put the figures under period, kpi, value and comment, or clear this cell");
            }
        }

        var periodCell = columns.Period > 0 && columns.Period <= record.Length ? record[columns.Period - 1] : default;
        var period = CheckPeriod(Cell(columns.Period), periodCell.Date, message => Problem(columns.Period, "period", message));
        if (columns.Department > 0 && !string.Equals(Cell(columns.Department), department.Id, StringComparison.OrdinalIgnoreCase))
        {
            Problem(columns.Department, "department", $"'{Cell(columns.Department)}' is not this upload's department; this file belongs to '{department.Id}'");
        }

        var kpi = CheckKpi(Cell(columns.Kpi), line, message => Problem(columns.Kpi, "kpi", message));
        if (kpi is not null && columns.Unit > 0 && !kpi.Unit.IsNamedBy(Cell(columns.Unit)))
        {
            Problem(columns.Unit, "unit", $"'{Cell(columns.Unit)}' is not the unit of {kpi.Id}; it is measured in {kpi.Unit.Code}");
        }

        var rawValue = Cell(columns.Value);
        if (!FigureParser.TryParse(rawValue, kpi?.Unit.Kind == UnitKind.Percent, decimalMark, out var value, out var valueProblem))
        {
            Problem(columns.Value, "value", valueProblem!);
        }
        else if (kpi is not null && ValueProblem(kpi, value) is { } rangeProblem)
        {
            Problem(columns.Value, "value", rangeProblem);
        }

        var comment = Cell(columns.Comment);
        if (comment.Length > rules.MaxCommentLength)
        {
            Problem(columns.Comment, "comment", string.Create(CultureInfo.InvariantCulture, $"the comment is {comment.Length:N0} characters long; keep it under {rules.MaxCommentLength:N0}"));
        }

        return problems.Count == problemsBefore && kpi is not null && period is not null
            ? new KpiFigure(department.Id, period.Value, kpi.Id, value, comment.Length == 0 ? null : comment)
            : null;
    }

    private KpiDefinition? CheckKpi(string kpiId, long line, Action<string> problem)
    {
        var kpi = department.FindKpi(kpiId);
        if (kpi is null)
        {
            problem(UnknownKpiMessage(kpiId));
            return null;
        }

        if (kpi.Derivation is { } derivation)
        {
            problem($"'{kpi.Id}' is computed from {string.Join(" and ", derivation.Inputs)}; submit those instead");
            return null;
        }

        if (_seenKpis.TryGetValue(kpi.Id, out var firstLine))
        {
            problem(string.Create(CultureInfo.InvariantCulture, $"'{kpiId}' already appears on {locator.LineWord} {firstLine}; each KPI is reported once per file"));
            return null;
        }

        _seenKpis[kpi.Id] = line;
        return kpi;
    }

    private Period? CheckPeriod(string raw, DateOnly? date, Action<string> problem)
    {
        // A workbook's date cell is its month: Excel turns a typed "2026-10" or "Oct 2026" into the 1st of that month.
        var period = date is { } day ? new Period(day.Year, day.Month) : default;
        if (date is null && !Periods.Period.TryParse(raw, out period))
        {
            problem($"'{raw}' is not a period; write the month as YYYY-MM, for example 2026-10");
            return null;
        }

        if (Period is { } first && first != period)
        {
            problem($"'{raw}' differs from the file's period {first}; one file holds one month");
            return null;
        }

        if (rules.CurrentPeriod is { } current && period > current)
        {
            problem($"{period} is in the future; the latest month that can be submitted is {current}");
            return null;
        }

        if (rules.CurrentPeriod is { } now && period < now.AddMonths(-rules.MaxAgeMonths))
        {
            problem(string.Create(CultureInfo.InvariantCulture, $"{period} is more than {rules.MaxAgeMonths} months ago; the earliest month that can be submitted is {now.AddMonths(-rules.MaxAgeMonths)}"));
            return null;
        }

        Period = period;
        return period;
    }

    private string UnknownKpiMessage(string kpiId)
    {
        var known = department.SubmittedKpis.Select(k => k.Id).ToList();
        var closest = known.MinBy(id => EditDistance.Between(id, kpiId.ToLowerInvariant()));
        var suggestion = closest is not null && EditDistance.Between(closest, kpiId.ToLowerInvariant()) <= Math.Max(3, kpiId.Length / 3)
            ? $"did you mean '{closest}'? "
            : "";
        return $"'{kpiId}' is not a KPI of {department.Name}; {suggestion}its KPIs are {string.Join(", ", known)}";
    }

    private static string? ValueProblem(KpiDefinition kpi, double value)
    {
        if (kpi.IsMilestone)
        {
            return value is 0 or 1 ? null : string.Create(CultureInfo.InvariantCulture, $"{value} is not a milestone value; write 1 when {kpi.Id} is done and 0 while it is not");
        }

        return (kpi.Minimum, kpi.Maximum) switch
        {
            ({ } min, _) when value < min => string.Create(CultureInfo.InvariantCulture, $"{value} is below the smallest allowed value for {kpi.Id}, {min}"),
            (_, { } max) when value > max => string.Create(CultureInfo.InvariantCulture, $"{value} is above the largest allowed value for {kpi.Id}, {max}"),
            _ => null,
        };
    }

    private static string Shortened(string text) =>
        text.Length <= SubmissionProblem.MaxValueLength ? text : text[..(SubmissionProblem.MaxValueLength - 1)] + "…";
}
