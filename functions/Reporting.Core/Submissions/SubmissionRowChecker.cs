using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Core.Submissions;

// Checks one data row at a time and remembers what the rows must agree on (one period, each KPI once).
internal sealed class SubmissionRowChecker(Department department, SubmissionColumns columns, int headerFields, List<SubmissionProblem> problems)
{
    private readonly Dictionary<string, long> _seenKpis = new(StringComparer.OrdinalIgnoreCase);

    public Period? Period { get; private set; }

    public KpiFigure? Check(string[] record, long line)
    {
        var problemsBefore = problems.Count;
        string Cell(int column) => column > 0 && column <= record.Length ? record[column - 1].Trim() : "";
        void Problem(int column, string name, string message) => problems.Add(new SubmissionProblem((int)line, column, name, message));

        if (record.Length > headerFields)
        {
            Problem(headerFields + 1, "(none)", $"this line has {record.Length} fields but the header has {headerFields}; a value that contains the delimiter must be in double quotes");
        }

        var period = CheckPeriod(Cell(columns.Period), (c, m) => Problem(columns.Period, "period", m));
        if (columns.Department > 0 && !string.Equals(Cell(columns.Department), department.Id, StringComparison.OrdinalIgnoreCase))
        {
            Problem(columns.Department, "department", $"'{Cell(columns.Department)}' is not this upload's department; this file belongs to '{department.Id}'");
        }

        var kpiId = Cell(columns.Kpi);
        var kpi = department.FindKpi(kpiId);
        if (kpi is null)
        {
            Problem(columns.Kpi, "kpi", UnknownKpiMessage(kpiId));
        }
        else if (_seenKpis.TryGetValue(kpi.Id, out var firstLine))
        {
            Problem(columns.Kpi, "kpi", $"'{kpiId}' already appears on line {firstLine}; each KPI is reported once per file");
        }
        else
        {
            _seenKpis[kpi.Id] = line;
        }

        if (kpi is not null && columns.Unit > 0 && !string.Equals(Cell(columns.Unit), kpi.Unit, StringComparison.OrdinalIgnoreCase))
        {
            Problem(columns.Unit, "unit", $"'{Cell(columns.Unit)}' is not the unit of {kpi.Id}; it is measured in {kpi.Unit}");
        }

        var rawValue = Cell(columns.Value);
        if (!FigureParser.TryParse(rawValue, kpi?.Unit == "percent", out var value, out var valueProblem))
        {
            Problem(columns.Value, "value", valueProblem!);
        }
        else if (kpi is not null && OutOfRange(kpi, value) is { } rangeProblem)
        {
            Problem(columns.Value, "value", rangeProblem);
        }

        var comment = Cell(columns.Comment);
        return problems.Count == problemsBefore && kpi is not null && period is not null
            ? new KpiFigure(department.Id, period.Value, kpi.Id, value, comment.Length == 0 ? null : comment)
            : null;
    }

    private Period? CheckPeriod(string raw, Action<int, string> problem)
    {
        if (!Periods.Period.TryParse(raw, out var period))
        {
            problem(0, $"'{raw}' is not a period; write the month as YYYY-MM, for example 2026-10");
            return null;
        }

        if (Period is { } first && first != period)
        {
            problem(0, $"'{raw}' differs from the file's period {first}; one file holds one month");
            return null;
        }

        Period = period;
        return period;
    }

    private string UnknownKpiMessage(string kpiId)
    {
        var known = department.Kpis.Select(k => k.Id).ToList();
        var closest = known.MinBy(id => EditDistance.Between(id, kpiId.ToLowerInvariant()));
        var suggestion = closest is not null && EditDistance.Between(closest, kpiId.ToLowerInvariant()) <= Math.Max(3, kpiId.Length / 3)
            ? $"did you mean '{closest}'? "
            : "";
        return $"'{kpiId}' is not a KPI of {department.Name}; {suggestion}its KPIs are {string.Join(", ", known)}";
    }

    private static string? OutOfRange(KpiDefinition kpi, double value) => (kpi.Minimum, kpi.Maximum) switch
    {
        ({ } min, _) when value < min => $"{value} is below the smallest allowed value for {kpi.Id}, {min}",
        (_, { } max) when value > max => $"{value} is above the largest allowed value for {kpi.Id}, {max}",
        _ => null,
    };
}
