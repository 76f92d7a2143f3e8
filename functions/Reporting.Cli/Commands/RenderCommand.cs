using System.CommandLine;
using System.Globalization;
using Reporting.Application;
using Reporting.Core.Periods;
using Reporting.Storage.Blobs;
using Spectre.Console;

namespace Reporting.Cli.Commands;

/// <summary><c>reporting render --period YYYY-MM [--out DIR]</c>: renders a month's scorecards now.</summary>
public static class RenderCommand
{
    public static Command Create()
    {
        var period = CliOptions.Period("The month to render (default: last month)");
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Also copy the files into this folder (as <DIR>/<YYYY-MM>/...)" };
        var command = new Command("render", "Render a month's leadership pack, department PDFs and scorecard.json into storage, for example after late submissions.\n\n" +
                                            "Example:\n  reporting render --period 2026-10 --out out") { period, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (session, month, exitCode) = await CliSession.OpenForPeriodAsync(parse, period, cancellationToken);
            if (session is null)
            {
                return exitCode;
            }

            await using var _ = session;
            var published = await AnsiConsole.Status().StartAsync($"Rendering {month.DisplayName}...",
                _ => session.Get<ScorecardPublisher>().PublishAsync(month, "cli", cancellationToken));
            var counts = published.Scorecard.Counts;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Rendered {month.DisplayName} as version {published.Version}:[/] {counts.Green} on track, {counts.Amber} at risk, {counts.Red} off track, {counts.Missing} missing ({published.Timings}).");
            var container = session.Get<Reporting.Storage.ReportingStorageAccount>().Options.ScorecardContainer;
            foreach (var file in published.Files)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {container}/{month}/{file}  (kept as {container}/{month}/versions/{published.Version:000}/{file})"));
            }

            if (parse.GetValue(output) is { } folder)
            {
                foreach (var copied in await CopyAsync(session.Get<ScorecardBlobs>(), month, folder, cancellationToken))
                {
                    Console.WriteLine($"  -> {Path.GetRelativePath(Directory.GetCurrentDirectory(), copied.FullName)}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Copies a period's scorecard files from storage into <c>&lt;folder&gt;/&lt;YYYY-MM&gt;/</c>.</summary>
    internal static async Task<IReadOnlyList<FileInfo>> CopyAsync(ScorecardBlobs scorecards, Period period, DirectoryInfo folder, CancellationToken cancellationToken)
    {
        var target = Directory.CreateDirectory(Path.Combine(folder.FullName, period.ToString()));
        var files = new List<FileInfo>();
        foreach (var name in await scorecards.ListAsync(period, cancellationToken))
        {
            var file = new FileInfo(Path.Combine(target.FullName, name));
            await File.WriteAllBytesAsync(file.FullName, await scorecards.ReadAsync(period, name, cancellationToken), cancellationToken);
            files.Add(file);
        }

        return files;
    }
}
