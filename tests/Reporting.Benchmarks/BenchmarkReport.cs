using System.Globalization;
using System.Text;

namespace Reporting.Benchmarks;

/// <summary>Prints the results and writes docs/benchmarks.md (with the notes kept in notes.md beside this code).</summary>
internal static class BenchmarkReport
{
    public static string Table(IReadOnlyList<Measurement> measurements)
    {
        var text = new StringBuilder("| scenario | figure | measured | goal | verdict |\n|---|---|---|---|---|\n");
        foreach (var m in measurements)
        {
            text.Append($"| {m.Scenario} | {m.Figure} | {m.Value} | {m.Goal} | {m.Verdict} |\n");
        }

        return text.ToString();
    }

    public static string Markdown(BenchmarkSettings settings, string machine, TimeSpan elapsed, IReadOnlyList<Measurement> measurements, string notes)
    {
        var text = new StringBuilder();
        text.Append("# Benchmarks\n\n");
        text.Append("Measured in one run against a real Azurite by `dotnet run -c Release --project tests/Reporting.Benchmarks -- --full` ");
        text.Append("(or `--quick`, under three minutes). This file is written by that command; the notes at the end come from ");
        text.Append("`tests/Reporting.Benchmarks/notes.md`.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- mode: **{settings.Mode}**, {DateTime.UtcNow:yyyy-MM-dd}, whole run {elapsed.TotalMinutes:0.0} min\n");
        text.Append($"- machine: {machine}\n\n");
        text.Append(Table(measurements));
        text.Append("\n![How the monthly run grows with the number of departments](benchmarks-monthly-run.png)\n\n");
        text.Append(notes);
        return text.ToString();
    }
}
