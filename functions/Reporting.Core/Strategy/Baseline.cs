using Reporting.Core.Periods;

namespace Reporting.Core.Strategy;

/// <summary>
/// What a "change" target is measured against: a stated value (for example "the 2025 monthly average: 121,500"),
/// or the average of the KPI's own stored figures over <see cref="From"/>..<see cref="To"/>.
/// </summary>
public sealed record Baseline(double? Value, Period? From, Period? To, string? Note)
{
    public string Describe() => Note ?? (Value is { } v ? v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : $"the {From}..{To} average");
}
