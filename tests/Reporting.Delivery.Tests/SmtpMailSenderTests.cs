using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reporting.Delivery.Messages;
using Reporting.Delivery.Sending;
using Reporting.LocalDev;

namespace Reporting.Delivery.Tests;

/// <summary>
/// SMTP against a real maildev: over TLS with sign-in (its certificate made for the run and trusted by these settings
/// only), and the ways a connection without TLS is refused before anything is sent.
/// </summary>
/// <remarks>
/// TLS on connect (<c>--incoming-secure</c>), not STARTTLS: maildev 3.0.0 never lists STARTTLS after EHLO
/// (<c>hideSTARTTLS: true</c> in node_modules/@maildev/smtp/dist/server.js, <c>buildServerConfig</c>) and, with sign-in on
/// and no <c>--incoming-secure</c>, refuses the command (<c>disabledCommands = secure ? [] : ['STARTTLS']</c>), so no maildev
/// run takes STARTTLS with sign-in. What it does show is the refusal: <see cref="SendAsync_WithTheDefaultSecurity_ToARelayWithoutStartTls_SendsNothing"/>.
/// </remarks>
public sealed class SmtpMailSenderTests : IAsyncLifetime
{
    private const string Password = "relay-secret-31";

    private static readonly OutgoingMail Mail = new("ceo@example.org", "Scorecard over TLS", "text", "<p>html</p>");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("maildev-tls-");

    private MailDevSignIn _signIn = null!;

    public Task InitializeAsync()
    {
        _signIn = SelfSigned(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SendAsync_OverTlsWithSignIn_TheMessageArrives()
    {
        await using var maildev = await MailDevServer.StartAsync(_signIn);

        await Sender(maildev.Settings()).SendAsync(Mail, default);

        var message = Assert.Single(await maildev.Inbox.ListAsync());
        Assert.Equal("Scorecard over TLS", message.Subject);
    }

    [Fact]
    public async Task SendAsync_WithAWrongPassword_FailsSigningIn_WithoutThePasswordInTheError()
    {
        await using var maildev = await MailDevServer.StartAsync(_signIn);
        var settings = maildev.Settings();
        settings["Mail:Password"] = "wrong-secret-77";

        var error = await Assert.ThrowsAsync<MailSendException>(() => Sender(settings).SendAsync(Mail, default));

        Assert.Contains($"while signing in to 127.0.0.1 as {_signIn.UserName}", error.Message);
        Assert.DoesNotContain("wrong-secret-77", error.Message);
        Assert.Empty(await maildev.Inbox.ListAsync());
    }

    [Fact]
    public async Task SendAsync_ToACertificateNobodyTrusts_FailsBeforeSigningIn()
    {
        await using var maildev = await MailDevServer.StartAsync(_signIn);
        var settings = maildev.Settings();
        settings.Remove("Mail:ServerCertificateSha256");

        var error = await Assert.ThrowsAsync<MailSendException>(() => Sender(settings).SendAsync(Mail, default));

        Assert.StartsWith($"failed while connecting to 127.0.0.1:{maildev.SmtpPort}", error.Message);
        Assert.IsType<MailKit.Security.SslHandshakeException>(error.InnerException);
        Assert.Empty(await maildev.Inbox.ListAsync());
    }

    [Fact]
    public async Task SendAsync_WithTheDefaultSecurity_ToARelayWithoutStartTls_SendsNothing()
    {
        await using var maildev = await MailDevServer.StartAsync();
        var settings = maildev.Settings();
        settings.Remove("Mail:Security"); // the default: TLS required (STARTTLS on a port other than 465)

        var error = await Assert.ThrowsAsync<MailSendException>(() => Sender(settings).SendAsync(Mail, default));

        Assert.Contains("the relay offers no STARTTLS, and Mail:Security (Tls) requires TLS", error.Message);
        Assert.Empty(await maildev.Inbox.ListAsync());
    }

    [Fact]
    public async Task SendAsync_SigningInWithoutTls_IsRefused_AndNoneIsLoggedAsForMaildevOnly()
    {
        await using var maildev = await MailDevServer.StartAsync();
        var settings = maildev.Settings(); // Mail:Security None
        settings["Mail:UserName"] = "relay-user";
        settings["Mail:Password"] = Password;
        var logger = new ListLogger<SmtpMailSender>();
        var sender = Sender(settings, logger);

        var error = await Assert.ThrowsAsync<MailSendException>(() => sender.SendAsync(Mail, default));
        await Assert.ThrowsAsync<MailSendException>(() => sender.SendAsync(Mail, default));

        Assert.StartsWith("refused to sign in to 127.0.0.1 as relay-user without TLS: the password would travel in clear text. Mail:Security is None", error.Message);
        Assert.DoesNotContain(Password, error.Message);
        Assert.Empty(await maildev.Inbox.ListAsync());
        var warning = Assert.Single(logger.Entries); // once per sender, not once per message
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal($"Mail goes to 127.0.0.1:{maildev.SmtpPort} without TLS (Mail:Security is None): for a local maildev only, never for a real relay; signing in is refused on such a connection", warning.Message);
    }

    [Theory]
    [InlineData(null, MailSecurity.Tls)]
    [InlineData("Auto", MailSecurity.Tls)]
    [InlineData("None", MailSecurity.None)]
    [InlineData("SslOnConnect", MailSecurity.SslOnConnect)]
    public void Security_FromConfiguration_RequiresTlsUnlessNone(string? configured, MailSecurity expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:Security"] = configured }).Build();

        var options = configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions();

        Assert.Equal(expected, options.Security);
    }

    private static SmtpMailSender Sender(Dictionary<string, string?> settings, ILogger<SmtpMailSender>? logger = null)
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(MailOptions.Section).Get<MailOptions>()!;
        options.Timeout = TimeSpan.FromSeconds(10);
        return new SmtpMailSender(Options.Create(options), logger ?? NullLogger<SmtpMailSender>.Instance);
    }

    // A certificate for 127.0.0.1 made for this run, as PEM files maildev reads; nothing outside these tests trusts it.
    private static MailDevSignIn SelfSigned(DirectoryInfo folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow; // the certificate is checked on the real clock by both ends
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        var certificatePath = Path.Combine(folder.FullName, "maildev.crt");
        var keyPath = Path.Combine(folder.FullName, "maildev.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new MailDevSignIn("relay-user", Password, certificatePath, keyPath);
    }
}
