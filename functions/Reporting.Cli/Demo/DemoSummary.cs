using System.Globalization;
using System.Text.Json;
using Reporting.Core.Periods;
using Spectre.Console;

namespace Reporting.Cli.Demo;

// What the demo prints at the end, read from the scorecard.json it produced: the state of each department and where the files are.
internal static class DemoSummary
{
    public static void Print(Period period, IReadOnlyDictionary<string, int> outcomes, IReadOnlyList<FileInfo> files, TimeSpan elapsed)
    {
        var json = files.FirstOrDefault(f => f.Name == "scorecard.json");
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]Submissions:[/] {string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Value} {o.Key}")))}");
        if (json is not null)
        {
            PrintDepartments(period, JsonDocument.Parse(File.ReadAllText(json.FullName)).RootElement);
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("File").AddColumn(new TableColumn("Size").RightAligned());
        foreach (var file in files.OrderBy(f => f.Name == "leadership.pdf" ? 0 : 1).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), file.FullName)), string.Create(CultureInfo.InvariantCulture, $"{file.Length / 1024.0:0.0} KB"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Done in {elapsed.TotalSeconds:0.0} s.[/] Open {Path.GetRelativePath(Directory.GetCurrentDirectory(), files.First(f => f.Name == "leadership.pdf").FullName)} for the leadership pack.");
    }

    private static void PrintDepartments(Period period, JsonElement scorecard)
    {
        var summary = scorecard.GetProperty("summary");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[bold]{period.DisplayName}:[/] {summary.GetProperty("green").GetInt32()} KPIs on track, {summary.GetProperty("amber").GetInt32()} at risk, {summary.GetProperty("red").GetInt32()} off track, {summary.GetProperty("missing").GetInt32()} missing ({summary.GetProperty("shareOnTrack").GetDouble() * 100:0}% on track)");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Department", "Status", "On track", "At risk", "Off track", "Missing");
        foreach (var department in scorecard.GetProperty("departments").EnumerateArray())
        {
            var statuses = department.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("status").GetString()).ToList();
            table.AddRow(
                Markup.Escape(department.GetProperty("name").GetString() ?? ""),
                StatusMarkup(department.GetProperty("status").GetString()),
                Count(statuses, "green"), Count(statuses, "amber"), Count(statuses, "red"), Count(statuses, "missing"));
        }

        AnsiConsole.Write(table);
        var late = summary.GetProperty("departmentsLate").GetArrayLength();
        if (late > 0)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[grey]Late ({late}): {string.Join(", ", summary.GetProperty("departmentsLate").EnumerateArray().Select(d => d.GetString()))}, received after the {scorecard.GetProperty("submissionDeadline").GetString()} deadline (the sample's received times: samples/submissions/{SampleReceivedTimes.FileName}).[/]");
        }
    }

    private static string Count(List<string?> statuses, string status) => statuses.Count(s => s == status).ToString(CultureInfo.InvariantCulture);

    private static string StatusMarkup(string? status) => status switch
    {
        "green" => "[green]on track[/]",
        "amber" => "[yellow]at risk[/]",
        "red" => "[red]off track[/]",
        _ => "[grey]missing[/]",
    };
}
