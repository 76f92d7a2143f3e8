namespace Reporting.Core.Strategy;

// Not wrong, but easy to misread: an entry that ends ('to:') with no entry starting the month after leaves those months
// without a target (scored "missing"). { from: M, to: M } is the common case, often meant as a one-month override.
internal static class TargetGapWarnings
{
    /// <param name="ordered">The KPI's entries other than one-month overrides, by start month.</param>
    /// <param name="problems">Where the warnings go (with <see cref="ProblemSeverity.Warning"/>).</param>
    /// <param name="path">The KPI's path in the document.</param>
    /// <param name="describe">How an entry is named in messages ("2026-03 to 2026-03").</param>
    public static void Check(List<TargetRule> ordered, List<StrategyProblem> problems, string path, Func<TargetRule, string> describe)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].To is not { } to || (i + 1 < ordered.Count && ordered[i + 1].From == to.Next()))
            {
                continue;
            }

            var until = i + 1 < ordered.Count ? $"until {ordered[i + 1].From}" : "from then on";
            var hint = ordered[i].From == to
                ? $"; to change {to} only and return to the earlier target afterwards, write 'period: {to}'"
                : "";
            problems.Add(new StrategyProblem($"{path}.targets", $"the target from {describe(ordered[i])} ends, so months after {to} have no target {until}{hint}", ProblemSeverity.Warning));
        }
    }
}
