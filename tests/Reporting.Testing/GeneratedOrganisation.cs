using System.Text;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;

namespace Reporting.Testing;

/// <summary>Organisations of any size for load, fault and benchmark runs: N departments of K count KPIs, and their figures.</summary>
public static class GeneratedOrganisation
{
    public static string DepartmentId(int department) => $"dept-{department:0000}";

    public static string KpiId(int kpi) => $"kpi-{kpi:00000}";

    public static IEnumerable<string> DepartmentIds(int departments) => Enumerable.Range(1, departments).Select(DepartmentId);

    /// <summary>strategy.yaml for the organisation; every third KPI is lower-is-better, all have a target of 100.</summary>
    public static string StrategyYaml(int departments, int kpis)
    {
        var yaml = new StringBuilder("organisation: Generated Org\nversion: generated\ndepartments:\n");
        for (var d = 1; d <= departments; d++)
        {
            yaml.Append($"  - id: {DepartmentId(d)}\n    name: Department {d:0000}\n    owner: Owner {d}\n    kpis:\n");
            for (var k = 1; k <= kpis; k++)
            {
                yaml.Append($"      - {{ id: {KpiId(k)}, name: Measure {k} of department {d}, unit: count, direction: {(k % 3 == 0 ? "lower" : "higher")}, target: 100, amberTolerance: 0.1, allowed: {{ min: 0 }} }}\n");
            }
        }

        return yaml.ToString();
    }

    /// <summary>A department's file for a month: every KPI, values from <paramref name="seed"/>.</summary>
    public static string SubmissionCsv(Period period, int kpis, int seed)
    {
        var csv = new StringBuilder("period,kpi,value,comment\n");
        for (var k = 1; k <= kpis; k++)
        {
            csv.Append($"{period},{KpiId(k)},{Value(seed, k)},\n");
        }

        return csv.ToString();
    }

    /// <summary>The value <see cref="SubmissionCsv"/> writes for a KPI, for checking what was stored.</summary>
    public static double Value(int seed, int kpi) => 80 + ((seed * 7919 + kpi * 104729) % 41);

    /// <summary>Every department's figures for the months up to <paramref name="last"/>.</summary>
    public static IEnumerable<KpiFigure> Figures(int departments, int kpis, Period last, int months)
    {
        for (var m = 0; m < months; m++)
        {
            var period = last.AddMonths(-m);
            for (var d = 1; d <= departments; d++)
            {
                for (var k = 1; k <= kpis; k++)
                {
                    yield return new KpiFigure(DepartmentId(d), period, KpiId(k), Value((d * 31) + m, k), null);
                }
            }
        }
    }
}
