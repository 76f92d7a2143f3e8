using Reporting.Core.Periods;

namespace Reporting.Core.Strategy;

/// <summary>
/// A target and the months it is in force: from <see cref="From"/> until <see cref="To"/>, or until the next rule starts when null.
/// It is a plain <see cref="Value"/>, a range (<see cref="Min"/>..<see cref="Max"/>), or a <see cref="Change"/> against a baseline.
/// A month is always scored against the rule in force in that month, so changing targets later never rewrites history.
/// </summary>
public sealed record TargetRule(Period From, Period? To, double? Value, double? Min, double? Max, double? Change, Baseline? Baseline)
{
    public bool Covers(Period period) => period >= From && (To is null || period <= To);

    /// <summary>Whether this rule is for one month only (a per-period override).</summary>
    public bool IsOverride => To == From;
}
