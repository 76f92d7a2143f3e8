namespace Reporting.Core.Strategy;

/// <summary>
/// A KPI computed from others of the same department: (sum of numerator) / (sum of denominator) × scale.
/// Share of voice = own / (own + competitors) × 100; sentiment ratio = positive / negative; churn = lost / customers × 100.
/// </summary>
public sealed record Derivation(IReadOnlyList<string> Numerator, IReadOnlyList<string> Denominator, double Scale)
{
    public IEnumerable<string> Inputs => Numerator.Concat(Denominator).Distinct(StringComparer.OrdinalIgnoreCase);
}
