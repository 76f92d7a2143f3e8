using System.Diagnostics;
using System.Text.Json;
using MimeKit;
using Reporting.Testing;

namespace Reporting.Cli.Tests;

/// <summary>
/// A saved message's HTML part in headless Chromium (MailRendering/mail-render.mjs, playwright-core and Debian's
/// chromium): what a reader sees at phone width (400 px) and at desktop width (1024 px), and a screenshot of each.
/// </summary>
internal static class MailBrowser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Renders <paramref name="eml"/>'s HTML part; the screenshots are <paramref name="screenshotPrefix"/>-400.png and -1024.png.</summary>
    public static async Task<JsonElement> RenderAsync(string eml, string screenshotPrefix)
    {
        var html = Path.ChangeExtension(screenshotPrefix, ".html");
        await File.WriteAllTextAsync(html, (await MimeMessage.LoadAsync(eml)).HtmlBody);
        // A checkout installed before playwright-core was pinned gets it here (npm ci), as Azurite and maildev do.
        await Reporting.LocalDev.AzuriteInstallation.EnsureInstalledAsync(
            RepositoryFiles.Root, Path.Combine("node_modules", "playwright-core", "package.json"), _ => { }, default);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryFiles.Path("tests", "Reporting.Cli.Tests", "MailRendering", "mail-render.mjs"));
        start.ArgumentList.Add(html);
        start.ArgumentList.Add(screenshotPrefix);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rendering the mail did not finish within {Timeout.TotalMinutes:0} minutes: {await stderr}");
        }

        Assert.True(process.ExitCode == 0, $"rendering the mail failed (exit {process.ExitCode}): {await stderr}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
