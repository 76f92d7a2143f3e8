using Reporting.Core.Periods;

namespace Reporting.Core.Strategy;

// Checks a KPI's targets: each one's kind and periods, and that no two are in force in the same month.
internal sealed class TargetValidator(List<StrategyProblem> problems, string path)
{
    private static readonly Period Beginning = new(1900, 1);

    public IReadOnlyList<TargetRule> Validate(KpiDocument document, Direction direction, Unit unit)
    {
        var rules = new List<TargetRule>();
        if (unit.Kind == UnitKind.Milestone)
        {
            if (document.Target is not null || document.Targets is not null)
            {
                Problem("targets", "a milestone's target is being done by its due period; remove 'target'/'targets'");
            }

            return rules;
        }

        if (document.Target is { } plain)
        {
            if (document.Targets is not null)
            {
                Problem("target", "use either 'target:' (one value for all periods) or 'targets:', not both");
            }

            rules.Add(new TargetRule(Beginning, null, plain, null, null, null, null));
        }

        var entries = document.Targets ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            if (ValidateEntry(entries[i], $"targets[{i}]", direction) is { } rule)
            {
                rules.Add(rule);
            }
        }

        CheckOverlaps(rules);
        if (direction == Direction.WithinRange && rules.Any(r => r.Min is null))
        {
            Problem("targets", "a KPI with direction 'range' needs targets with 'min:' and 'max:'");
        }

        return rules;
    }

    private TargetRule? ValidateEntry(TargetDocument entry, string at, Direction direction)
    {
        Period from, to;
        Period? end = null;
        if (entry.Period is not null)
        {
            if (entry.From is not null || entry.To is not null)
            {
                Problem(at, "'period:' sets a target for one month; do not combine it with 'from:'/'to:'");
            }

            if (!ParsePeriod(entry.Period, $"{at}.period", out from))
            {
                return null;
            }

            end = from;
        }
        else if (!ParsePeriod(entry.From, $"{at}.from", out from))
        {
            return null;
        }

        if (entry.To is not null && entry.Period is null)
        {
            if (!ParsePeriod(entry.To, $"{at}.to", out to))
            {
                return null;
            }

            if (to < from)
            {
                Problem($"{at}.to", $"{to} is before 'from' {from}");
                return null;
            }

            end = to;
        }

        var kinds = (entry.Value is not null ? 1 : 0) + (entry.Min is not null || entry.Max is not null ? 1 : 0) + (entry.Change is not null ? 1 : 0);
        if (kinds != 1)
        {
            Problem(at, "a target is exactly one of: 'value:', 'min:' with 'max:', or 'change:' with 'baseline:'");
            return null;
        }

        if ((entry.Min is null) != (entry.Max is null) || entry.Min > entry.Max)
        {
            Problem(at, "a range target needs 'min:' and 'max:', with min not above max");
            return null;
        }

        if (entry.Min is not null && direction != Direction.WithinRange)
        {
            Problem(at, "'min:'/'max:' targets are for KPIs with 'direction: range'");
        }

        var baseline = entry.Change is null ? null : ValidateBaseline(entry.Baseline, $"{at}.baseline");
        if (entry.Change is not null && baseline is null)
        {
            return null;
        }

        return new TargetRule(from, end, entry.Value, entry.Min, entry.Max, entry.Change, baseline, IsOverride: entry.Period is not null);
    }

    private Baseline? ValidateBaseline(BaselineDocument? document, string at)
    {
        if (document is null)
        {
            Problem(at, "a 'change:' target needs a 'baseline:' (a value, or from/to periods whose average is the baseline)");
            return null;
        }

        if (document.Value is { } value)
        {
            return new Baseline(value, null, null, document.Note);
        }

        if (ParsePeriod(document.From, $"{at}.from", out var from) && ParsePeriod(document.To, $"{at}.to", out var to))
        {
            return to >= from ? new Baseline(null, from, to, document.Note) : Fail<Baseline>($"{at}.to", $"{to} is before 'from' {from}");
        }

        return null;
    }

    // Rules without 'to:' give way to the next rule, so only a repeated start, or an explicit end after the next start, overlaps.
    private void CheckOverlaps(List<TargetRule> rules)
    {
        var ordered = rules.Where(r => !r.IsOverride).OrderBy(r => r.From).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var (earlier, later) = (ordered[i - 1], ordered[i]);
            if (earlier.From == later.From || earlier.To >= later.From)
            {
                Problem("targets", $"the target from {Describe(earlier)} overlaps the one from {Describe(later)}; " +
                                   "end the earlier one ('to:') before the later one starts");
            }
        }

        foreach (var repeated in rules.Where(r => r.IsOverride).GroupBy(r => r.From).Where(g => g.Count() > 1))
        {
            Problem("targets", $"there are {repeated.Count()} targets for the single period {repeated.Key}; keep one");
        }

        TargetGapWarnings.Check(ordered, problems, path, Describe);
    }

    internal static string Describe(TargetRule rule) =>
        rule.From == Beginning ? "the start" : rule.To is { } to ? $"{rule.From} to {to}" : $"{rule.From} on";

    private bool ParsePeriod(string? text, string at, out Period period)
    {
        if (Period.TryParse(text, out period))
        {
            return true;
        }

        Problem(at, text is null ? "a period (YYYY-MM) is required" : $"'{StrategyText.Quote(text)}' is not a period; write YYYY-MM");
        return false;
    }

    private T? Fail<T>(string at, string message) where T : class
    {
        Problem(at, message);
        return null;
    }

    private void Problem(string at, string message) => problems.Add(new StrategyProblem($"{path}.{at}", message));
}
