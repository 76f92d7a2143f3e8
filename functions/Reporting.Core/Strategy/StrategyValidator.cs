namespace Reporting.Core.Strategy;

// Turns the loosely typed document into domain records, collecting a problem for everything it cannot accept.
internal sealed class StrategyValidator(List<StrategyProblem> problems)
{
    private static readonly string[] KnownUnits = ["count", "percent", "ratio", "currency", "hours", "days", "minutes", "milestone"];

    public EngagementStrategy Validate(StrategyDocument document)
    {
        Require(document.Organisation, "organisation");
        var departments = new List<Department>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var documents = document.Departments ?? [];
        if (documents.Count == 0)
        {
            problems.Add(new StrategyProblem("departments", "at least one department is required"));
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var path = $"departments[{i}]";
            var department = ValidateDepartment(documents[i], path);
            if (!seen.Add(department.Id))
            {
                problems.Add(new StrategyProblem($"{path}.id", $"department id '{department.Id}' is used twice"));
            }

            departments.Add(department);
        }

        return new EngagementStrategy(document.Organisation ?? "", document.Version ?? "unversioned", departments);
    }

    private Department ValidateDepartment(DepartmentDocument document, string path)
    {
        Check(Identifiers.ProblemWithDepartmentId(document.Id), $"{path}.id");
        Require(document.Name, $"{path}.name");
        var kpis = new List<KpiDefinition>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var documents = document.Kpis ?? [];
        if (documents.Count == 0)
        {
            problems.Add(new StrategyProblem($"{path}.kpis", "a department needs at least one KPI"));
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var kpi = ValidateKpi(documents[i], $"{path}.kpis[{i}]");
            if (!seen.Add(kpi.Id))
            {
                problems.Add(new StrategyProblem($"{path}.kpis[{i}].id", $"KPI id '{kpi.Id}' is used twice in this department"));
            }

            kpis.Add(kpi);
        }

        return new Department(document.Id ?? "", document.Name ?? "", document.Owner ?? "", kpis);
    }

    private KpiDefinition ValidateKpi(KpiDocument document, string path)
    {
        Check(Identifiers.ProblemWithKpiId(document.Id), $"{path}.id");
        Require(document.Name, $"{path}.name");
        var unit = document.Unit?.Trim().ToLowerInvariant() ?? "";
        if (!KnownUnits.Contains(unit))
        {
            problems.Add(new StrategyProblem($"{path}.unit", $"unit '{document.Unit}' is not known; use one of {string.Join(", ", KnownUnits)}"));
        }

        var direction = document.Direction?.Trim().ToLowerInvariant() switch
        {
            "higher" or "higher-is-better" => Direction.HigherIsBetter,
            "lower" or "lower-is-better" => Direction.LowerIsBetter,
            _ => Fail(Direction.HigherIsBetter, $"{path}.direction", $"direction '{document.Direction}' is not known; use higher or lower"),
        };

        var tolerance = document.AmberTolerance ?? 0.1;
        if (tolerance is < 0 or > 1)
        {
            problems.Add(new StrategyProblem($"{path}.amberTolerance", $"{tolerance} is not a fraction between 0 and 1 (0.1 means 10%)"));
        }

        if (document.Min is { } min && document.Max is { } max && min > max)
        {
            problems.Add(new StrategyProblem($"{path}.min", $"min {min} is greater than max {max}"));
        }

        return new KpiDefinition(document.Id ?? "", document.Name ?? "", unit, direction, document.Target, tolerance, document.Min, document.Max);
    }

    private T Fail<T>(T fallback, string path, string message)
    {
        problems.Add(new StrategyProblem(path, message));
        return fallback;
    }

    private void Require(string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new StrategyProblem(path, "a value is required"));
        }
    }

    private void Check(string? problem, string path)
    {
        if (problem is not null)
        {
            problems.Add(new StrategyProblem(path, problem));
        }
    }
}
