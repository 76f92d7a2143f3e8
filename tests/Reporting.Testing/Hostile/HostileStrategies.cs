using System.Text;

namespace Reporting.Testing.Hostile;

/// <summary>
/// strategy.yaml files shaped to make loading them work hard: aliases that expand a billion times, deep nesting, a
/// file past the size limit, one long value (kinds whose cost the shape checks bound), and a large file with a problem
/// in every entry (kind "yaml large", whose cost grows with its size: it is within the limits and read whole).
/// </summary>
public static class HostileStrategies
{
    public static IEnumerable<HostileCase> Cases(int maxCharacters)
    {
        yield return Case("yaml alias bomb", "1,000 aliases of a department of 1,000 aliases of a KPI of 1,000 aliases of a target", AliasBomb(1_000));
        yield return Case("yaml alias bomb", "1,000,000 aliases of one leadership address",
            "organisation: Bomb\nversion: '1'\nleadership: [&a a@example.org" + string.Concat(Enumerable.Repeat(", *a", 1_000_000)) + "]\ndepartments: []\n");
        yield return Case("yaml deep", "a value nested 1,000,000 sequences deep", "organisation: " + new string('[', 1_000_000) + new string(']', 1_000_000) + "\n");
        yield return Case("yaml huge", "a valid organisation one character past the size limit", Valid(maxCharacters + 1));
        yield return Case("yaml huge", "a department id of 1,000,000 characters",
            $"organisation: Long\nversion: '1'\ndepartments:\n  - id: {new string('d', 1_000_000)}\n    name: Long\n    kpis: [{{ id: reach, name: Reach, unit: count, target: 1 }}]\n");
        yield return Case("yaml large", "100,000 departments, each with a problem", ManyProblems(100_000));
    }

    private static HostileCase Case(string kind, string name, string yaml) => new(kind, name, "strategy.yaml", Encoding.UTF8.GetBytes(yaml));

    // departments: N aliases of one department whose kpis are N aliases of one KPI whose targets are N aliases of one target.
    private static string AliasBomb(int n)
    {
        var yaml = new StringBuilder("organisation: Bomb\nversion: '1'\ndepartments:\n  - &d\n    id: sales\n    name: Sales\n    kpis:\n      - &k\n        id: reach\n        name: Reach\n        unit: count\n        targets:\n          - &t { from: 2026-01, value: 1 }\n");
        Repeat(yaml, "          - *t\n", n - 1);
        Repeat(yaml, "      - *k\n", n - 1);
        Repeat(yaml, "  - *d\n", n - 1);
        return yaml.ToString();

        static void Repeat(StringBuilder yaml, string line, int times)
        {
            for (var i = 0; i < times; i++)
            {
                yaml.Append(line);
            }
        }
    }

    private static string Valid(int characters)
    {
        var yaml = new StringBuilder("organisation: Huge\nversion: '1'\ndepartments:\n");
        for (var d = 0; yaml.Length < characters; d++)
        {
            yaml.Append($"  - {{ id: dept-{d:0000000}, name: Department {d}, kpis: [{{ id: reach, name: Reach, unit: count, direction: higher, target: 1 }}] }}\n");
        }

        return yaml.ToString();
    }

    private static string ManyProblems(int departments)
    {
        var yaml = new StringBuilder("organisation: Problems\nversion: '1'\ndepartments:\n");
        for (var d = 0; d < departments; d++)
        {
            yaml.Append($"  - {{ id: 'Not An Id {d}', name: Department {d}, kpis: [{{ id: reach, name: Reach, unit: furlongs, target: 1 }}] }}\n");
        }

        return yaml.ToString();
    }
}
