using System.Globalization;
using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scorecards.Contract;
using Reporting.Core.Scoring;
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
            PrintDepartments(period, ScorecardJson.Read(File.ReadAllBytes(json.FullName)));
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("File").AddColumn(new TableColumn("Size").RightAligned());
        foreach (var file in files.OrderBy(f => f.Name == "leadership.pdf" ? 0 : 1).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), file.FullName)), string.Create(CultureInfo.InvariantCulture, $"{file.Length / 1024.0:0.0} KB"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Done in {elapsed.TotalSeconds:0.0} s.[/] Open {Path.GetRelativePath(Directory.GetCurrentDirectory(), files.First(f => f.Name == "leadership.pdf").FullName)} for the leadership pack.");
    }

    private static void PrintDepartments(Period period, ScorecardDocument scorecard)
    {
        var summary = scorecard.Summary;
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[bold]{period.DisplayName}:[/] {summary.Green} KPIs on track, {summary.Amber} at risk, {summary.Red} off track, {summary.Missing} missing ({summary.ShareOnTrack * 100:0}% on track)");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Department", "Status", "On track", "At risk", "Off track", "Missing");
        foreach (var department in scorecard.Departments)
        {
            var statuses = department.Kpis.Select(k => ScorecardJson.StatusOf(k.Status)).ToList();
            table.AddRow(
                Markup.Escape(department.Name),
                StatusMarkup(ScorecardJson.StatusOf(department.Status)),
                Count(statuses, KpiStatus.Green), Count(statuses, KpiStatus.Amber), Count(statuses, KpiStatus.Red), Count(statuses, KpiStatus.Missing));
        }

        AnsiConsole.Write(table);
        if (summary.DepartmentsLate.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[grey]Late ({summary.DepartmentsLate.Count}): {string.Join(", ", summary.DepartmentsLate)}, received after the {scorecard.SubmissionDeadline} deadline (the sample's received times: samples/submissions/{SampleReceivedTimes.FileName}).[/]");
        }
    }

    private static string Count(List<KpiStatus> statuses, KpiStatus status) => statuses.Count(s => s == status).ToString(CultureInfo.InvariantCulture);

    private static string StatusMarkup(KpiStatus status) => status switch
    {
        KpiStatus.Green => "[green]on track[/]",
        KpiStatus.Amber => "[yellow]at risk[/]",
        KpiStatus.Red => "[red]off track[/]",
        _ => "[grey]missing[/]",
    };
}
