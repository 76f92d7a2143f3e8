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
