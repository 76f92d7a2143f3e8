using System.Globalization;
namespace Reporting.Core.Strategy;

// Turns the loosely typed document into domain records, collecting a problem for everything it cannot accept.
internal sealed class StrategyValidator(List<StrategyProblem> problems)
{
    public EngagementStrategy Validate(StrategyDocument document)
    {
        Require(document.Organisation, "organisation");
        var deadline = document.SubmissionDeadlineDay ?? 5;
        if (deadline is < 1 or > 28)
        {
            problems.Add(new StrategyProblem("submissionDeadlineDay", string.Create(CultureInfo.InvariantCulture, $"{deadline} is not a day between 1 and 28")));
        }

        var zone = ValidateTimeZone(document.TimeZone);
        var departments = new List<Department>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var documents = document.Departments ?? [];
        if (documents.Count == 0)
        {
            problems.Add(new StrategyProblem("departments", "at least one department is required"));
        }

        for (var i = 0; i < documents.Count; i++)
        {
            var path = $"departments[{StrategyText.Quote(documents[i].Id) ?? i.ToString(CultureInfo.InvariantCulture)}]";
            var department = ValidateDepartment(documents[i], path);
            if (!seen.Add(department.Id))
            {
                problems.Add(new StrategyProblem($"{path}.id", $"department id '{StrategyText.Quote(department.Id)}' is used twice"));
            }

            departments.Add(department);
        }

        var recipients = new RecipientValidator(problems).Validate(document, departments);
        return new EngagementStrategy(document.Organisation ?? "", document.Version ?? "unversioned", departments, deadline, recipients, zone);
    }

    // An IANA id (Europe/London) as tzdata names it; null (UTC) when absent. Windows ids resolve too where the system maps them.
    private TimeZoneInfo? ValidateTimeZone(string? id)
    {
        if (id is null)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone))
        {
            return zone;
        }

        problems.Add(new StrategyProblem("timeZone", $"'{StrategyText.Quote(id)}' is not a known time zone; use an IANA id such as Europe/London, America/New_York or UTC (leave it out for UTC)"));
        return null;
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
            var kpiPath = $"{path}.kpis[{StrategyText.Quote(documents[i].Id) ?? i.ToString(CultureInfo.InvariantCulture)}]";
            var kpi = new KpiValidator(problems, kpiPath).Validate(documents[i]);
            if (!seen.Add(kpi.Id))
            {
                problems.Add(new StrategyProblem($"{kpiPath}.id", $"KPI id '{StrategyText.Quote(kpi.Id)}' is used twice in this department"));
            }

            kpis.Add(kpi);
        }

        new DerivationChecker(problems, path).Check(kpis);
        return new Department(document.Id ?? "", document.Name ?? "", document.Owner ?? "", kpis, document.OwnerEmail?.Trim());
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
