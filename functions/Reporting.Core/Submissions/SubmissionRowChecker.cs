using System.Globalization;
using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Core.Submissions;

// Checks one data row at a time and remembers what the rows must agree on (one period, each KPI once).
internal sealed class SubmissionRowChecker(
    Department department, SubmissionColumns columns, IReadOnlyList<SubmissionCell> header, SubmissionRules rules, List<SubmissionProblem> problems,
    ProblemLocator locator, DecimalMark decimalMark)
{
    // A department's KPI list in an unknown-KPI message is cut here, so the message stays short for any strategy.
    private const int MaxKpisListed = 20;

    private readonly Dictionary<string, long> _seenKpis = new(StringComparer.OrdinalIgnoreCase);

    public Period? Period { get; private set; }

    public KpiFigure? Check(SubmissionRow row)
    {
        var (record, line) = (row.Cells, (long)row.Line);
        var problemsBefore = problems.Count;
        string Cell(int column) => column > 0 && column <= record.Length ? record[column - 1].Text.Trim() : "";
        void Problem(int column, string name, string message) => problems.Add(locator.At((int)line, column, name, message) with
        {
            Value = column > 0 && column <= record.Length ? SubmissionText.Quote(record[column - 1].Text.Trim()) : null,
        });

        if (!locator.IsSheet && row.FieldCount > header.Count)
        {
            Problem(header.Count + 1, "(none)", string.Create(CultureInfo.InvariantCulture, $"this line has {row.FieldCount} fields but the header has {header.Count}; a value that contains the delimiter must be in double quotes"));
        }

        // Stops at the problem limit, so a row as wide as the header costs no more than the limit allows.
        for (var i = 0; locator.IsSheet && i < record.Length && problems.Count <= rules.MaxProblems; i++)
        {
            if (!record[i].IsEmpty && (i >= header.Count || header[i].IsEmpty))
            {
                Problem(i + 1, "(none)", Stray(record[i]));
            }
        }

        if (row.Stray is { } stray)
        {
            problems.Add(locator.At((int)line, stray.Column, "(none)", Stray(stray.Cell)) with { Value = SubmissionText.Quote(stray.Cell.Text.Trim()) });
        }

        // A cell longer than a cell can hold is said as such, whatever column it is in; the comment's own limit says it better.
        var beforeLength = problems.Count;
        for (var i = 0; i < record.Length; i++)
        {
            if (record[i].Length > rules.MaxCellCharacters && i + 1 != columns.Comment)
            {
                Problem(i + 1, ColumnName(i), string.Create(CultureInfo.InvariantCulture,
                    $"the cell holds {record[i].Length:N0} characters, more than the {rules.MaxCellCharacters:N0} a cell can hold (Excel's limit); check what was pasted here"));
            }
        }

        if (problems.Count > beforeLength)
        {
            return null;
        }

        var periodCell = columns.Period > 0 && columns.Period <= record.Length ? record[columns.Period - 1] : default;
        var period = CheckPeriod(Cell(columns.Period), periodCell.Date, message => Problem(columns.Period, "period", message));
        if (columns.Department > 0 && !string.Equals(Cell(columns.Department), department.Id, StringComparison.OrdinalIgnoreCase))
        {
            Problem(columns.Department, "department", $"'{SubmissionText.Quote(Cell(columns.Department))}' is not this upload's department; this file belongs to '{department.Id}'");
        }

        var kpi = CheckKpi(Cell(columns.Kpi), line, message => Problem(columns.Kpi, "kpi", message));
        if (kpi is not null && columns.Unit > 0 && !kpi.Unit.IsNamedBy(Cell(columns.Unit)))
        {
            Problem(columns.Unit, "unit", $"'{SubmissionText.Quote(Cell(columns.Unit))}' is not the unit of {kpi.Id}; it is measured in {kpi.Unit.Code}");
        }

        var rawValue = Cell(columns.Value);
        var value = 0d;
        if (columns.Value > 0 && columns.Value <= record.Length && record[columns.Value - 1].IsCut)
        {
            Problem(columns.Value, "value", string.Create(CultureInfo.InvariantCulture, $"the value is {record[columns.Value - 1].Length:N0} characters long; write the figure, for example 42 or 17.5"));
        }
        else if (!FigureParser.TryParse(rawValue, kpi?.Unit.Kind == UnitKind.Percent, decimalMark, out value, out var valueProblem))
        {
            Problem(columns.Value, "value", valueProblem!);
        }
        else if (kpi is not null && ValueProblem(kpi, value) is { } rangeProblem)
        {
            Problem(columns.Value, "value", rangeProblem);
        }

        var comment = Cell(columns.Comment);
        var commentLength = columns.Comment > 0 && columns.Comment <= record.Length && record[columns.Comment - 1].IsCut ? record[columns.Comment - 1].Length : comment.Length;
        if (commentLength > rules.MaxCommentLength)
        {
            Problem(columns.Comment, "comment", string.Create(CultureInfo.InvariantCulture, $"the comment is {commentLength:N0} characters long; keep it under {rules.MaxCommentLength:N0}"));
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
            problem(string.Create(CultureInfo.InvariantCulture, $"'{SubmissionText.Quote(kpiId)}' already appears on {locator.LineWord} {firstLine}; each KPI is reported once per file"));
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
            problem($"'{SubmissionText.Quote(raw)}' is not a period; write the month as YYYY-MM, for example 2026-10");
            return null;
        }

        if (Period is { } first && first != period)
        {
            problem($"'{SubmissionText.Quote(raw)}' differs from the file's period {first}; one file holds one month");
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

    // The suggestion is looked for only among ids of a length an id can have, so a long cell costs no edit distances.
    private string UnknownKpiMessage(string kpiId)
    {
        var known = department.SubmittedKpis.Select(k => k.Id).ToList();
        var lower = kpiId.ToLowerInvariant();
        var closest = kpiId.Length > SubmissionProblem.MaxValueLength ? null : known.MinBy(id => EditDistance.Between(id, lower));
        var suggestion = closest is not null && EditDistance.Between(closest, lower) <= Math.Max(3, kpiId.Length / 3)
            ? $"did you mean '{closest}'? "
            : "";
        var list = known.Count <= MaxKpisListed ? string.Join(", ", known) : string.Join(", ", known.Take(MaxKpisListed)) + $" and {known.Count - MaxKpisListed} more (the month's template lists them all)";
        return $"'{SubmissionText.Quote(kpiId)}' is not a KPI of {department.Name}; {suggestion}its KPIs are {list}";
    }

    private string Stray(SubmissionCell cell) =>
        $"'{SubmissionText.Quote(cell.Text)}' is in a column without a header; put the figures under period, kpi, value and comment, or clear this cell";

    private string ColumnName(int index) =>
        index + 1 == columns.Period ? "period" : index + 1 == columns.Kpi ? "kpi" : index + 1 == columns.Value ? "value"
        : index + 1 == columns.Unit ? "unit" : index + 1 == columns.Department ? "department"
        : index < header.Count ? SubmissionText.Quote(header[index].Text) : "(none)";

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

}
