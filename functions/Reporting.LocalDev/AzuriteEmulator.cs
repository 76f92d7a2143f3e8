using System.Diagnostics;

namespace Reporting.LocalDev;

/// <summary>
/// A private Azurite instance on free loopback ports with in-memory storage, for the demo and the tests.
/// Azurite is the version pinned in the repository's package.json; it is installed with <c>npm ci</c> when missing.
/// </summary>
public sealed class AzuriteEmulator : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // The emulator's fixed, publicly documented development key; it grants nothing outside a local emulator.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteEmulator(Process process, int blobPort, int queuePort, int tablePort, string? location)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        Location = location;
    }

    /// <summary>The folder holding the data, or null when it is kept in memory.</summary>
    public string? Location { get; }

    public int BlobPort { get; }
    public int QueuePort { get; }

    /// <summary>The emulator's process id (its CPU time is read from /proc by the scan-cost benchmark).</summary>
    public int ProcessId => _process.Id;
    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>Installs Azurite if needed, starts it in memory on free ports, and returns once all three services answer.</summary>
    public static Task<AzuriteEmulator> StartAsync(Action<string>? log = null, CancellationToken cancellationToken = default) =>
        StartAsync(null, null, log, cancellationToken);

    /// <summary>
    /// Starts Azurite keeping its data in <paramref name="location"/> (null: in memory), on the given ports (null: free ones).
    /// Starting again with the same folder and ports brings the same storage back, as after an outage.
    /// </summary>
    public static async Task<AzuriteEmulator> StartAsync(string? location, (int Blob, int Queue, int Table)? ports, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var root = AzuriteInstallation.FindRepositoryRoot();
        var script = await AzuriteInstallation.EnsureInstalledAsync(root, log, cancellationToken);
        var emulator = await NodeTool.StartWithRetriesAsync("Azurite",
            () =>
            {
                var (blob, queue, table) = ports ?? (LoopbackPorts.Free(), LoopbackPorts.Free(), LoopbackPorts.Free());
                return new AzuriteEmulator(Launch(root, script, blob, queue, table, location), blob, queue, table, location);
            },
            started => started.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), cancellationToken));
        log?.Invoke($"Azurite is running on 127.0.0.1 (blob {emulator.BlobPort}, queue {emulator.QueuePort}, table {emulator.TablePort}), {(location is null ? "in memory" : "data in " + location)}.");
        return emulator;
    }

    /// <summary>Stops Azurite as an operator would (SIGINT), so a disk-backed instance saves its data first; kills it if it does not stop.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited && !OperatingSystem.IsWindows())
        {
            using var interrupt = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // fall through to the kill below
            }
        }

        await DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await NodeTool.StopAsync(_process);

    private static Process Launch(string root, string script, int blob, int queue, int table, string? location)
    {
        string[] persistence = location is null ? ["--inMemoryPersistence"] : ["--location", location];
        return NodeTool.Start(root, script,
        [
            "--silent", .. persistence, "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl",
            "--blobHost", "127.0.0.1", "--blobPort", Text(blob),
            "--queueHost", "127.0.0.1", "--queuePort", Text(queue),
            "--tableHost", "127.0.0.1", "--tablePort", Text(table),
        ]);
    }

    private static string Text(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode} while starting");
                }

                try
                {
                    // Any HTTP answer (an unsigned request gets 403) means the service is listening.
                    using var _ = await http.GetAsync($"http://127.0.0.1:{port}/{AccountName}", cancellationToken);
                    break;
                }
                catch (HttpRequestException) when (deadline.Elapsed < timeout)
                {
                    await Task.Delay(100, cancellationToken);
                }
                catch (HttpRequestException ex)
                {
                    throw new TimeoutException($"Azurite did not answer on port {port} within {timeout.TotalSeconds:0} s", ex);
                }
            }
        }
    }

}
