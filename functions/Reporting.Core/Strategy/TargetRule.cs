using Reporting.Core.Periods;

namespace Reporting.Core.Strategy;

/// <summary>
/// A target and the months it is in force: from <see cref="From"/> until <see cref="To"/>, or until the next rule starts when null.
/// It is a plain <see cref="Value"/>, a range (<see cref="Min"/>..<see cref="Max"/>), or a <see cref="Change"/> against a baseline.
/// A month is always scored against the rule in force in that month, so changing targets later never rewrites history.
/// <see cref="IsOverride"/> marks an entry written <c>period: YYYY-MM</c>: that month only, after which the rule it
/// interrupted applies again. An entry written <c>{ from: M, to: M }</c> is an ordinary entry that ends: the months after
/// it have no target until the next entry starts, as docs/strategy-format.md says.
/// </summary>
public sealed record TargetRule(Period From, Period? To, double? Value, double? Min, double? Max, double? Change, Baseline? Baseline, bool IsOverride = false)
{
    public bool Covers(Period period) => period >= From && (To is null || period <= To);
}
