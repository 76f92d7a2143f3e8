namespace Reporting.Core.Strategy;

/// <summary>What a KPI's figures measure: a count, a percentage, money in a currency, a duration in minutes/hours/days, ...</summary>
public sealed record Unit(UnitKind Kind, string? Qualifier = null)
{
    public static readonly string[] DurationUnits = ["minutes", "hours", "days"];

    public static Unit Count { get; } = new(UnitKind.Count);

    /// <summary>The ISO currency code of a currency unit.</summary>
    public string? Currency => Kind == UnitKind.Currency ? Qualifier : null;

    /// <summary>minutes, hours or days, for a duration unit.</summary>
    public string? DurationUnit => Kind == UnitKind.Duration ? Qualifier : null;

    /// <summary>The word used in CSV <c>unit</c> columns and in scorecard.json: count, percent, EUR, hours, milestone, ...</summary>
    public string Code => Qualifier ?? Kind.ToString().ToLowerInvariant();

    /// <summary>Whether a CSV <c>unit</c> cell names this unit (the kind or the code: "currency" and "EUR" both match EUR).</summary>
    public bool IsNamedBy(string text) =>
        string.Equals(text, Code, StringComparison.OrdinalIgnoreCase)
        || string.Equals(text, Kind.ToString(), StringComparison.OrdinalIgnoreCase);

    public Aggregation DefaultAggregation => Kind switch
    {
        UnitKind.Count or UnitKind.Currency => Aggregation.Sum,
        UnitKind.Milestone => Aggregation.Last,
        _ => Aggregation.Average,
    };

    public override string ToString() => Qualifier is null ? Code : $"{Kind.ToString().ToLowerInvariant()} ({Qualifier})";
}
