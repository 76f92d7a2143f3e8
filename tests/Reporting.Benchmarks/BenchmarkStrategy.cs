using System.Text;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;

namespace Reporting.Benchmarks;

// Strategies and figures of any size for the scenarios.
internal static class BenchmarkStrategy
{
    public static string Yaml(int departments, int kpis)
    {
        var yaml = new StringBuilder("organisation: Benchmark Org\nversion: bench\ndepartments:\n");
        for (var d = 1; d <= departments; d++)
        {
            yaml.Append($"  - id: dept-{d:0000}\n    name: Department {d:0000}\n    owner: Owner {d}\n    kpis:\n");
            for (var k = 1; k <= kpis; k++)
            {
                yaml.Append($"      - {{ id: kpi-{k:00000}, name: Measure {k} of department {d}, unit: count, direction: {(k % 3 == 0 ? "lower" : "higher")}, target: 100, amberTolerance: 0.1, allowed: {{ min: 0 }} }}\n");
            }
        }

        return yaml.ToString();
    }

    public static string Csv(Period period, int kpis, int seed)
    {
        var csv = new StringBuilder("period,kpi,value,comment\n");
        for (var k = 1; k <= kpis; k++)
        {
            csv.Append($"{period},kpi-{k:00000},{Value(seed, k)},\n");
        }

        return csv.ToString();
    }

    public static IEnumerable<KpiFigure> Figures(int departments, int kpis, Period last, int months)
    {
        for (var m = 0; m < months; m++)
        {
            var period = last.AddMonths(-m);
            for (var d = 1; d <= departments; d++)
            {
                for (var k = 1; k <= kpis; k++)
                {
                    yield return new KpiFigure($"dept-{d:0000}", period, $"kpi-{k:00000}", Value(d * 31 + m, k), null);
                }
            }
        }
    }

    private static double Value(int seed, int k) => 80 + ((seed * 7919 + k * 104729) % 41);
}
