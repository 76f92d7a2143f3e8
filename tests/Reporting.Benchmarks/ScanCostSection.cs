using System.Globalization;
using System.Text;
using Reporting.LocalDev;

namespace Reporting.Benchmarks;

/// <summary>
/// The scan-cost section of docs/benchmarks.md, between two markers: <c>--scan-only</c> replaces it (or appends it) and
/// leaves the rest of the file alone; a <c>--full</c> run, which writes the file anew, carries it over unchanged.
/// Its notes come from <c>tests/Reporting.Benchmarks/scan-notes.md</c>.
/// </summary>
internal static class ScanCostSection
{
    private const string Start = "<!-- scan-cost: written by --scan-only -->";
    private const string End = "<!-- /scan-cost -->";

    /// <summary>The section as it stands in the file, markers included, or nothing.</summary>
    public static string Read(string path)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        return start >= 0 && end > start ? "\n" + text[start..(end + End.Length)] + "\n" : "";
    }

    public static void Write(string path, string machine, TimeSpan elapsed, IReadOnlyList<Measurement> results)
    {
        var notes = File.ReadAllText(Path.Combine(AzuriteInstallation.FindRepositoryRoot(), "tests", "Reporting.Benchmarks", "scan-notes.md"));
        var section = new StringBuilder();
        section.Append(Start).Append('\n');
        section.Append("## 5. Scan cost: an idle host with years of history, and the push path\n\n");
        section.Append("Measured by `dotnet run -c Release --project tests/Reporting.Benchmarks -- --scan-only` (this section only).\n\n");
        section.Append(CultureInfo.InvariantCulture, $"- {DateTime.UtcNow:yyyy-MM-dd}, whole scenario {elapsed.TotalMinutes:0.0} min\n");
        section.Append($"- machine: {machine}\n\n");
        section.Append(BenchmarkReport.Table(results)).Append('\n');
        section.Append(notes.TrimEnd()).Append('\n');
        section.Append(End);

        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var old = Read(path);
        text = old.Length > 0 ? text.Replace(old.Trim('\n'), section.ToString(), StringComparison.Ordinal) : text.TrimEnd() + "\n\n" + section + "\n";
        File.WriteAllText(path, text);
    }
}
