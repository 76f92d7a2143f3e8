using System.Diagnostics;
using System.Globalization;

namespace Reporting.LocalDev;

/// <summary>
/// The local runner (functions/Reporting.LocalRunner: the Function App's classes, hosted as the Functions host would) as its
/// own process (<c>dotnet Reporting.LocalRunner.dll</c>), configured through environment variables, its log written to a
/// file: how the demo and the benchmarks run "the host" without referencing it.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    /// <summary>The line the runner logs once every function listens (LocalRunnerService.ReadyMarker).</summary>
    public const string ReadyMarker = "Local runner listening";

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalHostProcess(Process process, StreamWriter log)
    {
        _process = process;
        _log = log;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => _ready.TrySetException(new InvalidOperationException($"the host stopped at start-up (exit code {_process.ExitCode}); see {LogPath}"));
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string LogPath => ((FileStream)_log.BaseStream).Name;

    /// <summary>The host's process id (<c>dotnet</c> runs the host in its own process).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything the host has logged so far.</summary>
    public string ReadLog()
    {
        lock (_log)
        {
            _log.Flush();
        }

        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Starts the runner built beside this repository's sources (<c>functions/Reporting.LocalRunner/bin/&lt;configuration&gt;</c>)
    /// and waits until it listens. Settings use configuration keys (<c>a:b</c>); they become environment variables (<c>a__b</c>).
    /// </summary>
    public static async Task<LocalHostProcess> StartAsync(string repositoryRoot, string configuration, IReadOnlyDictionary<string, string?> settings, string logPath, CancellationToken cancellationToken)
    {
        var assembly = Path.Combine(repositoryRoot, "functions", "Reporting.LocalRunner", "bin", configuration, "net10.0", "Reporting.LocalRunner.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"the host (local runner) is not built at {assembly}; run: dotnet build functions/Reporting.LocalRunner -c {configuration}");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(assembly)! };
        start.ArgumentList.Add(assembly);
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var host = new LocalHostProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"), log);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await host._ready.Task.WaitAsync(timeout.Token);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Asks the host to stop (SIGTERM) and waits for it, so running work finishes; kills it after 20 seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.BaseStream.CanWrite)
            {
                _log.WriteLine(line);
            }
        }

        if (line.Contains(ReadyMarker, StringComparison.Ordinal))
        {
            _ready.TrySetResult();
        }
    }
}
