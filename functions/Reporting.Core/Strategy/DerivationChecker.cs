namespace Reporting.Core.Strategy;

// Checks a department's derived KPIs: every input exists in the department, none uses itself, no cycles.
internal sealed class DerivationChecker(List<StrategyProblem> problems, string path)
{
    public void Check(IReadOnlyList<KpiDefinition> kpis)
    {
        var byId = kpis.GroupBy(k => k.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var kpi in kpis.Where(k => k.Derivation is not null))
        {
            foreach (var input in kpi.Derivation!.Inputs.Where(i => !byId.ContainsKey(i)))
            {
                problems.Add(new StrategyProblem($"{path}.kpis[{StrategyText.Quote(kpi.Id)}].derived", $"'{StrategyText.Quote(input)}' is not a KPI of this department"));
            }
        }

        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var kpi in kpis.Where(k => k.Derivation is not null))
        {
            if (FindCycle(kpi.Id, byId, []) is { } cycle && reported.Add(string.Join(">", cycle.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))))
            {
                problems.Add(new StrategyProblem($"{path}.kpis[{StrategyText.Quote(kpi.Id)}].derived", $"derived KPIs depend on each other in a cycle: {string.Join(" -> ", cycle)}"));
            }
        }
    }

    private static List<string>? FindCycle(string id, IReadOnlyDictionary<string, KpiDefinition> byId, List<string> trail)
    {
        if (trail.Contains(id, StringComparer.OrdinalIgnoreCase))
        {
            return [.. trail.SkipWhile(t => !string.Equals(t, id, StringComparison.OrdinalIgnoreCase)), id];
        }

        if (!byId.TryGetValue(id, out var kpi) || kpi.Derivation is null)
        {
            return null;
        }

        trail.Add(id);
        foreach (var input in kpi.Derivation.Inputs)
        {
            if (FindCycle(input, byId, trail) is { } cycle)
            {
                return cycle;
            }
        }

        trail.RemoveAt(trail.Count - 1);
        return null;
    }
}
