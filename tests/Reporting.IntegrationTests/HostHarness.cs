using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Reporting.Functions;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>
/// The real WebJobs host (our blob trigger, the timer) on the fixture's Azurite, with storage names unique to the test,
/// and its clock starting at <see cref="TestClock.Now"/> (settings may override <see cref="TestClock.Key"/>).
/// </summary>
internal sealed class HostHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private HostHarness(IHost host, ReportingStorageAccount account)
    {
        _host = host;
        Account = account;
    }

    public ReportingStorageAccount Account { get; }

    public IServiceProvider Services => _host.Services;

    public SubmissionBlobs Blobs => Services.GetRequiredService<SubmissionBlobs>();

    public KpiFigureTable Figures => Services.GetRequiredService<KpiFigureTable>();

    /// <param name="logs">When given, also receives every log line the host writes at its levels.</param>
    public static async Task<HostHarness> StartAsync(ReportingStorageAccount account, Dictionary<string, string?>? settings = null, bool uploadStrategy = true, LogLines? logs = null)
    {
        var all = TestStorage.Settings(account);
        all[TestClock.Key] = TestClock.NowText;
        all["extensions:submissionBlobs:pollingInterval"] = "00:00:00.200";
        all["extensions:submissionBlobs:retryDelay"] = "00:00:00.200";
        all["logging:logLevel:default"] = "Warning";
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        // The host records refused requests where the test's account does, so the fixture sees them.
        var host = ReportingHost.CreateBuilder([], all)
            .ConfigureServices(services => services.AddSingleton(account.RuleViolations))
            .ConfigureLogging(logging =>
            {
                if (logs is not null)
                {
                    logging.AddProvider(logs);
                }
            })
            .Build();
        if (uploadStrategy)
        {
            var yaml = await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "strategy.yaml"));
            await host.Services.GetRequiredService<StrategyBlob>().WriteAsync(yaml, default);
        }

        await account.EnsureCreatedAsync(["sales", "customer-support", "hr"]);
        await host.StartAsync();
        return new HostHarness(host, account);
    }

    public Task UploadAsync(string department, string blobName, string csv) =>
        Blobs.UploadAsync(department, blobName, new MemoryStream(Encoding.UTF8.GetBytes(csv)), default);

    /// <summary>Uploads a file as it is on disk: a workbook, or text in an encoding other than UTF-8.</summary>
    public Task UploadAsync(string department, string blobName, byte[] content) =>
        Blobs.UploadAsync(department, blobName, new MemoryStream(content), default);

    /// <summary>Waits for the answer the pipeline writes beside an upload, as the uploader would.</summary>
    public async Task<JsonElement> ResultAsync(string department, string blobName, Func<JsonElement, bool>? until = null)
    {
        var json = await Eventually.GetAsync(async () =>
        {
            var text = await Blobs.ReadResultJsonAsync(department, blobName, default);
            return text is not null && (until is null || until(JsonDocument.Parse(text).RootElement)) ? text : null;
        }, $"the result of {department}/{blobName}");
        return JsonDocument.Parse(json).RootElement;
    }

    public async Task StopAsync() => await _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        AzureRulesAssert.NoneIn(Account.RuleViolations, "the host");
    }
}
