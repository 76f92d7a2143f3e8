namespace Reporting.Core.Strategy;

/// <summary>
/// One thing wrong with a strategy file, located by its path in the document (for example <c>departments[2].kpis[0].direction</c>).
/// <see cref="Severity"/> tells errors, which make the file unusable, from warnings about entries whose meaning could surprise.
/// </summary>
public sealed record StrategyProblem(string Path, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public override string ToString() => Severity == ProblemSeverity.Warning ? $"{Path}: warning: {Message}" : $"{Path}: {Message}";
}
