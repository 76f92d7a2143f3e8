using Reporting.Core.Periods;
using Reporting.Core.Strategy;

namespace Reporting.Testing;

/// <summary>Test KPIs without the ceremony: <c>new KpiBuilder("reach").Target(1000).Build()</c> is a count, higher is better, 10% tolerance.</summary>
public sealed class KpiBuilder(string id)
{
    private static readonly Period Beginning = new(1900, 1);
    private readonly List<TargetRule> _targets = [];
    private string? _named;
    private string Name => _named ?? id;
    private Unit _unit = Core.Strategy.Unit.Count;
    private Direction _direction = Direction.HigherIsBetter;
    private Aggregation? _aggregation;
    private double _tolerance = 0.1;
    private double? _min = 0;
    private double? _max;
    private Derivation? _derivation;
    private Period? _due;
    private bool _input;

    public KpiBuilder Named(string name) { _named = name; return this; }
    public KpiBuilder Unit(UnitKind kind, string? qualifier = null) { _unit = new Core.Strategy.Unit(kind, qualifier); return this; }
    public KpiBuilder Lower() { _direction = Direction.LowerIsBetter; return this; }
    public KpiBuilder Range(double min, double max) { _direction = Direction.WithinRange; _targets.Add(new TargetRule(Beginning, null, null, min, max, null, null)); return this; }
    public KpiBuilder Aggregated(Aggregation aggregation) { _aggregation = aggregation; return this; }
    public KpiBuilder Tolerance(double tolerance) { _tolerance = tolerance; return this; }
    public KpiBuilder Allowed(double? min, double? max) { (_min, _max) = (min, max); return this; }
    public KpiBuilder Target(double value) { _targets.Add(new TargetRule(Beginning, null, value, null, null, null, null)); return this; }
    public KpiBuilder TargetFrom(string from, double value, string? to = null) { _targets.Add(new TargetRule(Period.Parse(from), to is null ? null : Period.Parse(to), value, null, null, null, null)); return this; }
    public KpiBuilder TargetFor(string period, double value) { _targets.Add(new TargetRule(Period.Parse(period), Period.Parse(period), value, null, null, null, null, IsOverride: true)); return this; }
    public KpiBuilder ChangeFrom(string from, double change, Baseline baseline) { _targets.Add(new TargetRule(Period.Parse(from), null, null, null, null, change, baseline)); return this; }
    public KpiBuilder Derived(string[] numerator, string[] denominator, double scale = 1) { _derivation = new Derivation(numerator, denominator, scale); return this; }
    public KpiBuilder Milestone(string due) { _unit = new Core.Strategy.Unit(UnitKind.Milestone); _due = Period.Parse(due); (_min, _max) = (0, 1); return this; }
    public KpiBuilder Input() { _input = true; return this; }

    public KpiDefinition Build() =>
        new(id, Name, _unit, _direction, _aggregation ?? _unit.DefaultAggregation, _tolerance, _min, _max, _targets, _derivation, _due, _input);

    public static implicit operator KpiDefinition(KpiBuilder builder) => builder.Build();
}
