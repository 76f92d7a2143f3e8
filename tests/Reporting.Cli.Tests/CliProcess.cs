using System.Diagnostics;
using Reporting.Testing;

namespace Reporting.Cli.Tests;

/// <summary>Runs the real CLI (the built reporting.dll) as a separate process and captures what a user would see.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public string All => Output + Errors;
    }

    private static readonly string Assembly = Path.Combine(Path.GetDirectoryName(typeof(ExitCodes).Assembly.Location)!, "reporting.dll");

    /// <summary>Runs <c>reporting &lt;arguments&gt;</c> from the repository root, as the README does.</summary>
    public static Task<Result> RunAsync(params string[] arguments) => RunWithSettingsAsync(new Dictionary<string, string?>(), arguments);

    /// <summary>
    /// Runs the CLI with configuration given as environment variables (<c>Storage:ScorecardContainer</c> becomes <c>Storage__ScorecardContainer</c>).
    /// Its clock starts at <see cref="TestClock.Now"/> unless <paramref name="settings"/> give <see cref="TestClock.Key"/> (empty: the real clock).
    /// </summary>
    public static Task<Result> RunWithSettingsAsync(IReadOnlyDictionary<string, string?> settings, params string[] arguments) =>
        RunWithEnvironmentAsync(settings, new Dictionary<string, string?>(), arguments);

    /// <summary>
    /// As <see cref="RunWithSettingsAsync"/>, with more environment variables set as given (a null value removes the variable),
    /// for example <c>LANG</c>.
    /// </summary>
    public static async Task<Result> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "160";
        start.Environment.Remove("AzureWebJobsStorage");
        foreach (var (key, value) in TestClock.Settings().Concat(settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A hung verb (the demo above all) would leave its Azurite, maildev and host running: end them all.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"reporting {string.Join(' ', arguments)} did not finish within 4 minutes; its process tree was killed.\n{await output}\n{await errors}");
        }

        return new Result(process.ExitCode, await output, await errors);
    }
}
