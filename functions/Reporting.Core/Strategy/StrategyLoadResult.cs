namespace Reporting.Core.Strategy;

/// <summary>Either a usable strategy or the list of everything wrong with the file.</summary>
public sealed record StrategyLoadResult(EngagementStrategy? Strategy, IReadOnlyList<StrategyProblem> Problems)
{
    public bool IsValid => Strategy is not null && Problems.Count == 0;

    public EngagementStrategy GetValidStrategy() =>
        IsValid
            ? Strategy!
            : throw new InvalidOperationException(
                "The strategy is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, Problems));
}
