using System.Diagnostics;

namespace Reporting.LocalDev;

/// <summary>Finds the repository's pinned Azurite and installs it with <c>npm ci</c> when it is missing.</summary>
public static class AzuriteInstallation
{
    private const string ScriptPath = "node_modules/azurite/dist/src/azurite.js";

    /// <summary>The folder holding package.json with Azurite pinned: searched upward from the working directory, then from the binaries.</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var manifest = Path.Combine(folder.FullName, "package.json");
                if (File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            "Cannot find the Reporting repository's package.json (which pins Azurite); run this from inside the repository.");
    }

    public static Task<string> EnsureInstalledAsync(string root, Action<string>? log, CancellationToken cancellationToken) =>
        EnsureInstalledAsync(root, ScriptPath, log, cancellationToken);

    /// <summary>
    /// The full path of a pinned tool's script (<paramref name="scriptPath"/>, relative to the repository), after
    /// <c>npm ci</c> when it is missing: a checkout installed before the tool was pinned gets it too.
    /// </summary>
    public static async Task<string> EnsureInstalledAsync(string root, string scriptPath, Action<string>? log, CancellationToken cancellationToken)
    {
        var script = Path.Combine(root, scriptPath);
        if (File.Exists(script))
        {
            return script;
        }

        // Several test processes may start at once; one installs while the others wait on the lock file.
        await using var gate = await AcquireLockAsync(Path.Combine(root, ".azurite-install.lock"), cancellationToken);
        if (!File.Exists(script))
        {
            log?.Invoke($"Installing the pinned tools (npm ci) for {scriptPath} ...");
            await RunNpmCiAsync(root, cancellationToken);
        }

        return File.Exists(script)
            ? script
            : throw new InvalidOperationException($"npm ci finished but {scriptPath} is missing");
    }

    private static async Task RunNpmCiAsync(string root, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("could not start npm; is Node.js installed?");
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed with exit code {npm.ExitCode}: {await errors}{await output}");
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (waited.Elapsed < TimeSpan.FromMinutes(5))
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }
}
