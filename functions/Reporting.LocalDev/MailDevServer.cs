using System.Diagnostics;

namespace Reporting.LocalDev;

/// <summary>
/// A private maildev (the version pinned in package.json beside Azurite): an SMTP server that keeps every message in
/// memory and shows them in a web inbox with a REST API, on free loopback ports. The demo sends its scorecard mail here
/// and the tests read the messages back through <see cref="MailDevInbox"/>. Installed with <c>npm ci</c> when missing.
/// </summary>
public sealed class MailDevServer : IAsyncDisposable
{
    private const string ScriptPath = "node_modules/maildev/dist/bin/maildev.js";

    private readonly Process _process;

    private readonly MailDevSignIn? _signIn;

    private MailDevServer(Process process, int smtpPort, int webPort, MailDevSignIn? signIn)
    {
        _process = process;
        _signIn = signIn;
        SmtpPort = smtpPort;
        WebPort = webPort;
        Inbox = new MailDevInbox(WebAddress);
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    /// <summary>The web inbox, for people.</summary>
    public Uri WebAddress => new($"http://127.0.0.1:{WebPort}/");

    /// <summary>The messages received, through maildev's REST API.</summary>
    public MailDevInbox Inbox { get; }

    /// <summary>
    /// The <c>Mail:*</c> settings that send to this server: plain SMTP without sign-in (<c>Mail:Security</c> None, said
    /// explicitly because the default requires TLS), or, for a server started with <see cref="MailDevSignIn"/>, TLS on
    /// connect with its user and password and its self-signed certificate pinned (trusted by these settings only).
    /// </summary>
    public Dictionary<string, string?> Settings(string sender = "scorecards@reporting.example.org")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Security"] = "None",
            ["Mail:Sender"] = sender,
        };
        if (_signIn is { } signIn)
        {
            settings["Mail:Security"] = "SslOnConnect";
            settings["Mail:UserName"] = signIn.UserName;
            settings["Mail:Password"] = signIn.Password;
            settings["Mail:ServerCertificateSha256"] = signIn.CertificateSha256();
        }

        return settings;
    }

    /// <summary>Installs maildev if needed, starts it on free ports, and returns once its API answers.</summary>
    public static Task<MailDevServer> StartAsync(Action<string>? log = null, CancellationToken cancellationToken = default) =>
        StartAsync(null, log, cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(Action{string}?, CancellationToken)"/>, with <paramref name="signIn"/>: SMTP over TLS from
    /// the first byte (maildev's <c>--incoming-secure</c>, port-465 style) with its certificate, taking mail only after
    /// sign-in with that user and password.
    /// </summary>
    public static async Task<MailDevServer> StartAsync(MailDevSignIn? signIn, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        var root = AzuriteInstallation.FindRepositoryRoot();
        var script = await AzuriteInstallation.EnsureInstalledAsync(root, ScriptPath, log, cancellationToken);

        var server = await NodeTool.StartWithRetriesAsync("maildev",
            () =>
            {
                var (smtp, web) = (LoopbackPorts.Free(), LoopbackPorts.Free());
                return new MailDevServer(Launch(root, script, smtp, web, signIn), smtp, web, signIn);
            },
            started => started.WaitUntilReadyAsync(TimeSpan.FromSeconds(30), cancellationToken));
        log?.Invoke($"maildev is running on 127.0.0.1 (SMTP {server.SmtpPort}, inbox {server.WebAddress}).");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await NodeTool.StopAsync(_process);
        Inbox.Dispose();
    }

    private static Process Launch(string root, string script, int smtp, int web, MailDevSignIn? signIn) =>
        NodeTool.Start(root, script,
        [
            "--silent", "--ip", "127.0.0.1", "--smtp", smtp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--web-ip", "127.0.0.1", "--web", web.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. signIn?.Arguments() ?? Enumerable.Empty<string>(),
        ]);

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"maildev exited with code {_process.ExitCode} while starting");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(WebAddress, "api/healthz"), cancellationToken);
                if (response.IsSuccessStatusCode && await LoopbackPorts.AnswersAsync(SmtpPort, cancellationToken))
                {
                    return;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < timeout)
            {
            }

            if (deadline.Elapsed >= timeout)
            {
                throw new TimeoutException($"maildev did not answer on ports {SmtpPort} and {WebPort} within {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(100, cancellationToken);
        }
    }
}
