using System.Text;

namespace Reporting.IntegrationTests;

// Strategies shaped for one test: many KPIs in one department, or many departments.
internal static class TestStrategies
{
    public static string Departments(int departments, int kpis)
    {
        var yaml = new StringBuilder("organisation: Load Test Org\nversion: test\ndepartments:\n");
        for (var d = 1; d <= departments; d++)
        {
            yaml.Append($"  - id: dept-{d:000}\n    name: Department {d:000}\n    owner: Owner {d}\n    kpis:\n");
            for (var k = 1; k <= kpis; k++)
            {
                yaml.Append($"      - {{ id: kpi-{k:000}, name: Measure {k:000} of department {d:000}, unit: count, direction: higher, target: 100, allowed: {{ min: 0 }} }}\n");
            }
        }

        return yaml.ToString();
    }

    public static string Submission(string period, int kpis, double value)
    {
        var csv = new StringBuilder("period,kpi,value\n");
        for (var k = 1; k <= kpis; k++)
        {
            csv.Append($"{period},kpi-{k:000},{value + k}\n");
        }

        return csv.ToString();
    }
}
