using System.Globalization;
using System.Text.RegularExpressions;
using Reporting.Core.Periods;

namespace Reporting.Core.Strategy;

// Checks one KPI entry: its unit, direction, aggregation, allowed range, targets, milestone due date and derivation.
internal sealed partial class KpiValidator(List<StrategyProblem> problems, string path)
{
    public KpiDefinition Validate(KpiDocument document)
    {
        if (Identifiers.ProblemWithKpiId(document.Id) is { } idProblem)
        {
            Problem("id", idProblem);
        }

        if (string.IsNullOrWhiteSpace(document.Name))
        {
            Problem("name", "a value is required");
        }

        var unit = ValidateUnit(document);
        var direction = ValidateDirection(document, unit);
        var aggregation = document.Aggregation?.Trim().ToLowerInvariant() switch
        {
            null => unit.DefaultAggregation,
            "sum" => Aggregation.Sum,
            "average" => Aggregation.Average,
            "last" => Aggregation.Last,
            _ => Fail(unit.DefaultAggregation, "aggregation", $"'{StrategyText.Quote(document.Aggregation)}' is not an aggregation; use sum, average or last"),
        };

        var tolerance = document.AmberTolerance ?? 0.1;
        if (tolerance is < 0 or > 1)
        {
            Problem("amberTolerance", string.Create(CultureInfo.InvariantCulture, $"{tolerance} is not a fraction between 0 and 1 (0.1 means 10%)"));
        }

        var (min, max) = (document.Allowed?.Min, document.Allowed?.Max);
        if (unit.Kind == UnitKind.Milestone)
        {
            (min, max) = (0, 1);
        }
        else if (min is { } low && max is { } high && low > high)
        {
            Problem("allowed", string.Create(CultureInfo.InvariantCulture, $"min {low} is greater than max {high}"));
        }

        var due = ValidateDue(document, unit);
        var derivation = ValidateDerivation(document);
        var isInput = document.Input ?? false;
        var targets = new TargetValidator(problems, path).Validate(document, direction, unit);
        if (isInput && derivation is not null)
        {
            Problem("input", "a derived KPI is computed, so it cannot be an input that departments submit");
        }

        if (isInput && targets.Count > 0)
        {
            Problem("targets", "an input is not scored, so it takes no target; remove the target or 'input: true'");
        }

        if (!isInput && unit.Kind != UnitKind.Milestone && targets.Count == 0 && document.Target is null && document.Targets is null)
        {
            Problem("targets", "a scored KPI needs a target ('target: 120' or 'targets:'); mark KPIs that only feed derived ones with 'input: true'");
        }

        return new KpiDefinition(document.Id ?? "", document.Name ?? "", unit, direction, aggregation, tolerance, min, max, targets, derivation, due, isInput);
    }

    private Unit ValidateUnit(KpiDocument document)
    {
        var unit = document.Unit?.Trim().ToLowerInvariant();
        if (unit is null)
        {
            return document.Derived is not null ? new Unit(UnitKind.Ratio) : Fail(Unit.Count, "unit", "a unit is required: count, percent, ratio, currency, duration or milestone");
        }

        if (!Enum.TryParse<UnitKind>(unit, ignoreCase: true, out var kind) || int.TryParse(unit, out _))
        {
            return Fail(Unit.Count, "unit", $"'{StrategyText.Quote(document.Unit)}' is not a unit; use count, percent, ratio, currency, duration or milestone");
        }

        switch (kind)
        {
            case UnitKind.Currency when document.Currency is null || !CurrencyCode().IsMatch(document.Currency):
                return Fail(new Unit(kind, "XXX"), "currency", $"a currency KPI needs a three-letter ISO code, for example 'currency: EUR' (got '{StrategyText.Quote(document.Currency)}')");
            case UnitKind.Currency:
                return new Unit(kind, document.Currency);
            case UnitKind.Duration when !Unit.DurationUnits.Contains(document.DurationUnit?.ToLowerInvariant()):
                return Fail(new Unit(kind, "hours"), "durationUnit", $"a duration KPI needs 'durationUnit:' minutes, hours or days (got '{StrategyText.Quote(document.DurationUnit)}')");
            case UnitKind.Duration:
                return new Unit(kind, document.DurationUnit!.ToLowerInvariant());
            default:
                return new Unit(kind);
        }
    }

    private Direction ValidateDirection(KpiDocument document, Unit unit) => document.Direction?.Trim().ToLowerInvariant() switch
    {
        null when unit.Kind == UnitKind.Milestone || document.Input == true => Direction.HigherIsBetter,
        null => Fail(Direction.HigherIsBetter, "direction", "a direction is required: higher, lower or range"),
        "higher" or "higher-is-better" => Direction.HigherIsBetter,
        "lower" or "lower-is-better" => Direction.LowerIsBetter,
        "range" or "within-range" => Direction.WithinRange,
        _ => Fail(Direction.HigherIsBetter, "direction", $"'{StrategyText.Quote(document.Direction)}' is not a direction; use higher, lower or range"),
    };

    private Period? ValidateDue(KpiDocument document, Unit unit)
    {
        if (unit.Kind != UnitKind.Milestone)
        {
            if (document.Due is not null)
            {
                Problem("due", "only milestone KPIs have a due period");
            }

            return null;
        }

        if (Period.TryParse(document.Due, out var due))
        {
            return due;
        }

        return Fail<Period?>(null, "due", document.Due is null
            ? "a milestone needs the period it is due, for example 'due: 2026-09'"
            : $"'{StrategyText.Quote(document.Due)}' is not a period; write YYYY-MM");
    }

    private Derivation? ValidateDerivation(KpiDocument document)
    {
        if (document.Derived is not { } derived)
        {
            return null;
        }

        if (derived.Numerator is not { Count: > 0 } || derived.Denominator is not { Count: > 0 })
        {
            Problem("derived", "a derived KPI needs 'numerator:' and 'denominator:', each a list of KPI ids of this department");
            return null;
        }

        return new Derivation(derived.Numerator, derived.Denominator, derived.Scale ?? 1);
    }

    private T Fail<T>(T fallback, string field, string message)
    {
        Problem(field, message);
        return fallback;
    }

    private void Problem(string field, string message) => problems.Add(new StrategyProblem($"{path}.{field}", message));

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
