using Reporting.Core.Periods;

namespace Reporting.Benchmarks;

/// <summary>How big each scenario is: quick (under three minutes) or full (the goals' sizes).</summary>
internal sealed record BenchmarkSettings(
    string Mode,
    int IngestRows,
    int IngestRounds,
    int SingleRowWrites,
    int LatencyUploads,
    int RenderDepartments,
    int RenderKpis,
    int RenderRepeats,
    IReadOnlyList<int> MonthlyRunDepartments,
    int MonthlyRunKpis,
    IReadOnlyList<int> IdleDepartments)
{
    /// <summary>The month every scenario works on (the monthly run reads it and the eleven before it), whatever the date.</summary>
    public static Period Period { get; } = new(2026, 10);

    public static BenchmarkSettings Quick { get; } = new("quick", 20_000, 2, 500, 20, 100, 15, 5, [50, 100, 200], 50, [30]);

    public static BenchmarkSettings Full { get; } = new("full", 50_000, 5, 2_000, 50, 100, 15, 10, [100, 300, 1000], 50, [30, 1000]);
}
