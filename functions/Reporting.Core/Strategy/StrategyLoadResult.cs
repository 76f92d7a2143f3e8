namespace Reporting.Core.Strategy;

/// <summary>
/// Either a usable strategy or the list of everything wrong with the file. <see cref="Warnings"/> do not make it invalid:
/// they point at entries whose meaning could surprise (a target that ends and leaves months without one).
/// </summary>
public sealed record StrategyLoadResult(EngagementStrategy? Strategy, IReadOnlyList<StrategyProblem> Problems, IReadOnlyList<StrategyProblem>? Warnings = null)
{
    public bool IsValid => Strategy is not null && Problems.Count == 0;

    /// <summary>Warnings only; never a reason to refuse the file.</summary>
    public IReadOnlyList<StrategyProblem> WarningsOrEmpty => Warnings ?? [];

    public EngagementStrategy GetValidStrategy() =>
        IsValid
            ? Strategy!
            : throw new InvalidOperationException(
                "The strategy is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, Problems));
}
