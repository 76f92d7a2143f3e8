using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Application;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>
/// The pipeline's services on the fixture's Azurite with no host and no trigger, so a test decides exactly which upload
/// is processed when: the order of processing is the test's, the order of receipt is the storage service's.
/// </summary>
internal sealed class PipelineWithoutHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PipelineWithoutHost(ServiceProvider services, ReportingStorageAccount account) => (_services, Account) = (services, account);

    public ReportingStorageAccount Account { get; }

    public SubmissionIngestion Ingestion => _services.GetRequiredService<SubmissionIngestion>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public SubmissionBlobs Blobs => _services.GetRequiredService<SubmissionBlobs>();

    public KpiFigureTable Figures => _services.GetRequiredService<KpiFigureTable>();

    public SubmissionHistoryTable History => _services.GetRequiredService<SubmissionHistoryTable>();

    /// <param name="account">The fixture's storage.</param>
    /// <param name="extraSettings">Settings beyond storage and the test clock, for example <c>Reporting:TrustDeclaredReceivedTime</c>.</param>
    /// <param name="services">More registrations (an accepted-upload handler that holds ingests open, say).</param>
    /// <param name="clock">A clock the test moves (a <c>FakeTimeProvider</c>) instead of the one starting at <see cref="TestClock.Now"/>.</param>
    public static async Task<PipelineWithoutHost> StartAsync(
        ReportingStorageAccount account, IReadOnlyDictionary<string, string?>? extraSettings = null, Action<IServiceCollection>? services = null, TimeProvider? clock = null)
    {
        var settings = TestStorage.Settings(account);
        settings[TestClock.Key] = TestClock.NowText;
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddReportingApplication(configuration)
            .AddSingleton(account.RuleViolations);
        services?.Invoke(collection);
        if (clock is not null)
        {
            collection.AddReportingClock(clock);
        }

        var provider = collection.BuildServiceProvider();
        await account.EnsureCreatedAsync(["sales", "customer-support", "hr"]);
        await provider.GetRequiredService<StrategyBlob>().WriteAsync(await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "strategy.yaml")), default);
        return new PipelineWithoutHost(provider, account);
    }

    /// <summary>Uploads a file as the department would and returns the version as the trigger would list it.</summary>
    public async Task<SubmissionUpload> UploadAsync(string department, string blobName, string csv, DateTimeOffset? declaredReceivedUtc = null)
    {
        await Blobs.UploadAsync(department, blobName, new MemoryStream(Encoding.UTF8.GetBytes(csv)), declaredReceivedUtc, default);
        return await ListedAsync(department, blobName);
    }

    public async Task<SubmissionUpload> ListedAsync(string department, string blobName)
    {
        await foreach (var upload in Blobs.ListUploadsAsync(Account.SubmissionContainer(department).Name, default))
        {
            if (upload.BlobName == blobName)
            {
                return upload;
            }
        }

        throw new InvalidOperationException($"{department}/{blobName} is not listed");
    }

    public async Task<JsonElement> AnswerAsync(string department, string blobName) =>
        JsonDocument.Parse(await Blobs.ReadResultJsonAsync(department, blobName, default) ?? throw new InvalidOperationException($"no answer to {blobName}")).RootElement;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        AzureRulesAssert.NoneIn(Account.RuleViolations, "the pipeline");
    }
}
