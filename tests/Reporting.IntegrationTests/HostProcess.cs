using System.Collections.Concurrent;
using System.Diagnostics;
using Reporting.Storage;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>
/// "The host" as its own OS process: the Function App's functions on the local runner (<c>dotnet Reporting.LocalRunner.dll</c>),
/// configured through environment variables, so tests can kill it with SIGKILL mid-work and read everything it logged.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly string Assembly = Path.Combine(AppContext.BaseDirectory, "Reporting.LocalRunner.dll");
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output => string.Join('\n', _lines);

    public int Id => _process.Id;

    public static HostProcess Start(ReportingStorageAccount account, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Assembly);
        var all = TestStorage.Settings(account);
        all[TestClock.Key] = TestClock.NowText; // the host's clock starts at the tests' "now", not today
        all["LocalRunner:MessageLease"] = "00:00:03"; // a killed runner's messages come back after 3 s, not the host's 10 minutes
        all["extensions:queues:maxPollingInterval"] = "00:00:00.200";
        all["extensions:queues:visibilityTimeout"] = "00:00:01";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new HostProcess(Process.Start(start)!);
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a machine dies.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        var id = _process.Id;
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
        AzureRulesAssert.NoneInLog(Output, $"host process {id}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
