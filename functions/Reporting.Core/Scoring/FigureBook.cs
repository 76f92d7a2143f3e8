using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;

namespace Reporting.Core.Scoring;

/// <summary>The stored figures, able to give any KPI's value for a month, computing derived KPIs from their inputs.</summary>
public sealed class FigureBook(IEnumerable<KpiFigure> figures)
{
    private const int MaxDepth = 16; // the strategy validator rejects cycles; this only guards against a strategy that skipped it

    private readonly Dictionary<(string Department, string Kpi, Period Period), KpiFigure> _figures = Index(figures);

    public Measurement Measure(Department department, KpiDefinition kpi, Period period) => Measure(department, kpi, period, 0);

    // Ids compare without regard to case, without allocating lower-case copies of 600,000 keys.
    private static Dictionary<(string, string, Period), KpiFigure> Index(IEnumerable<KpiFigure> figures)
    {
        var index = new Dictionary<(string, string, Period), KpiFigure>(KeyComparer.Instance);
        foreach (var figure in figures)
        {
            index[(figure.DepartmentId, figure.KpiId, figure.Period)] = figure; // the last one wins
        }

        return index;
    }

    private sealed class KeyComparer : IEqualityComparer<(string Department, string Kpi, Period Period)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string Department, string Kpi, Period Period) x, (string Department, string Kpi, Period Period) y) =>
            x.Period == y.Period
            && string.Equals(x.Kpi, y.Kpi, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Department, y.Department, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Department, string Kpi, Period Period) key) => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Department), StringComparer.OrdinalIgnoreCase.GetHashCode(key.Kpi), key.Period);
    }

    /// <summary>Whether the department sent any figure for the month.</summary>
    public bool HasSubmission(Department department, Period period) =>
        department.SubmittedKpis.Any(k => _figures.ContainsKey((department.Id, k.Id, period)));

    private Measurement Measure(Department department, KpiDefinition kpi, Period period, int depth)
    {
        if (kpi.Derivation is not { } derivation)
        {
            return _figures.TryGetValue((department.Id, kpi.Id, period), out var figure)
                ? new Measurement(figure.Value, null, figure.Comment)
                : Measurement.Missing("no figure submitted");
        }

        if (depth > MaxDepth)
        {
            return Measurement.Missing("derived KPIs depend on each other in a cycle");
        }

        var numerator = Sum(department, derivation.Numerator, period, depth);
        var denominator = Sum(department, derivation.Denominator, period, depth);
        if (numerator.Value is not { } top)
        {
            return numerator;
        }

        if (denominator.Value is not { } bottom)
        {
            return denominator;
        }

        // A derived KPI has no comment of its own: it shows its inputs' comments (the churn note sits on customers-lost).
        var comments = derivation.Inputs.Select(id => department.FindKpi(id)).OfType<KpiDefinition>()
            .Select(input => Measure(department, input, period, depth + 1).Comment).OfType<string>().Distinct().ToList();
        return bottom == 0
            ? Measurement.Missing($"cannot divide by zero: {string.Join(" + ", derivation.Denominator)} is 0")
            : new Measurement(top / bottom * derivation.Scale, null, comments.Count == 0 ? null : string.Join(" ", comments));
    }

    private Measurement Sum(Department department, IReadOnlyList<string> ids, Period period, int depth)
    {
        var total = 0.0;
        foreach (var id in ids)
        {
            var input = department.FindKpi(id);
            var measured = input is null ? Measurement.Missing($"'{id}' is not a KPI of {department.Name}") : Measure(department, input, period, depth + 1);
            if (measured.Value is not { } value)
            {
                return Measurement.Missing($"{id}: {measured.MissingReason}");
            }

            total += value;
        }

        return new Measurement(total, null, null);
    }
}
