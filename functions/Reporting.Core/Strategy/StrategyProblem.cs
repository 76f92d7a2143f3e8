namespace Reporting.Core.Strategy;

/// <summary>One thing wrong with a strategy file, located by its path in the document (for example <c>departments[2].kpis[0].direction</c>).</summary>
public sealed record StrategyProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
