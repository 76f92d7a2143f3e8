using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Reporting.Storage.AzureRules;
using Reporting.Storage.Connection;
using Reporting.Storage.Metering;

namespace Reporting.Storage;

/// <summary>The storage account and the names in it; creates what is missing on first use.</summary>
public sealed class ReportingStorageAccount
{
    /// <param name="options">Where the account is and what things are called.</param>
    /// <param name="violations">Where requests refused under Azure's rules are recorded (tests check it is empty); a private one when not given.</param>
    public ReportingStorageAccount(IOptions<StorageOptions> options, AzureRuleViolations? violations = null)
    {
        Options = options.Value;
        RuleViolations = violations ?? new AzureRuleViolations();
        var clients = new StorageClients(Options.Connection, Options.EnforcesAzureRules ? new AzureRulesPolicy(RuleViolations) : null, Operations);
        BlobService = clients.CreateBlobService(StorageClients.Patient);
        FailFastBlobService = clients.CreateBlobService(StorageClients.FailFast);
        TableService = clients.CreateTableService();
        _queueService = new Lazy<QueueServiceClient>(clients.CreateQueueService);
    }

    private readonly Lazy<QueueServiceClient> _queueService;

    /// <summary>Every request this account's clients sent, by billing class (see <see cref="StorageOperationCounter"/>).</summary>
    public StorageOperationCounter Operations { get; } = new();

    /// <summary>The queue service, created on first use: only a host that takes upload events from a queue needs it.</summary>
    public QueueServiceClient QueueService => _queueService.Value;

    public StorageOptions Options { get; }

    /// <summary>Requests this account refused before sending because Azure Storage would refuse them (see <see cref="AzureRulesPolicy"/>).</summary>
    public AzureRuleViolations RuleViolations { get; }

    /// <summary>The blob service, on the connection string or the identity in <c>AzureWebJobsStorage</c>.</summary>
    public BlobServiceClient BlobService { get; }

    /// <summary>The blob service for calls that repeat anyway (listing each polling interval, probes): one quick retry, then fail.</summary>
    public BlobServiceClient FailFastBlobService { get; }

    /// <summary>The table service, on the same connection.</summary>
    public TableServiceClient TableService { get; }

    /// <summary>The endpoint shown to people when storage cannot be reached (never the key).</summary>
    public string BlobEndpoint => BlobService.Uri.ToString();

    public BlobContainerClient SubmissionContainer(string departmentId) =>
        BlobService.GetBlobContainerClient(Options.SubmissionContainerPrefix + departmentId);

    /// <summary>Where the pipeline answers a department: readable, not writable, with the department's link.</summary>
    public BlobContainerClient AnswerContainer(string departmentId) =>
        BlobService.GetBlobContainerClient(Options.AnswerContainerPrefix + departmentId);

    public string? DepartmentOfContainer(string containerName) =>
        containerName.StartsWith(Options.SubmissionContainerPrefix, StringComparison.Ordinal)
            ? containerName[Options.SubmissionContainerPrefix.Length..]
            : null;

    public TableClient Table(string name) => TableService.GetTableClient(name);

    /// <summary>Creates the shared containers and tables, and one submission and one answer container per department.</summary>
    public async Task EnsureCreatedAsync(IEnumerable<string> departmentIds, CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { Options.FigureTable, Options.SubmissionTable, Options.RunTable })
        {
            await Table(table).CreateIfNotExistsAsync(cancellationToken);
        }

        foreach (var container in new[] { Options.ScorecardContainer, Options.ConfigContainer })
        {
            await BlobService.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var department in departmentIds)
        {
            await SubmissionContainer(department).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await AnswerContainer(department).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
