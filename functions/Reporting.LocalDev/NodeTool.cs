using System.Diagnostics;

namespace Reporting.LocalDev;

// Starting and stopping the repository's pinned Node.js tools (Azurite, maildev) the same way.
internal static class NodeTool
{
    /// <summary>Runs <c>node script arguments…</c> in the repository, its output read and dropped so it never blocks on a full pipe.</summary>
    public static Process Start(string root, string script, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node; is Node.js installed?");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Launches a tool on fresh ports up to three times (a port taken between choosing and binding it is the usual failure),
    /// returning the first one that became ready; each failed one is disposed.
    /// </summary>
    public static async Task<T> StartWithRetriesAsync<T>(string name, Func<T> launch, Func<T, Task> waitUntilReady)
        where T : IAsyncDisposable
    {
        Exception? lastError = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var tool = launch();
            try
            {
                await waitUntilReady(tool);
                return tool;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
            {
                lastError = ex;
                await tool.DisposeAsync();
            }
        }

        throw new InvalidOperationException($"{name} did not start after 3 attempts: " + lastError?.Message, lastError);
    }

    /// <summary>Kills the tool (and anything it started) if it still runs, and releases the process.</summary>
    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
