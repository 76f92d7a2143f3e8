namespace Reporting.Benchmarks;

/// <summary>One line of the results table.</summary>
internal sealed record Measurement(string Scenario, string Figure, string Value, string Goal, string Verdict);
