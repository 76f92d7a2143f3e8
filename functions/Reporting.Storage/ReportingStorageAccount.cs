using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;
using Microsoft.WindowsAzure.Storage.Table;
using Reporting.Storage.Connection;

namespace Reporting.Storage;

/// <summary>The storage account and the names in it; creates what is missing on first use.</summary>
public sealed class ReportingStorageAccount
{
    private readonly Lazy<CloudStorageAccount> _account;

    public ReportingStorageAccount(IOptions<StorageOptions> options)
    {
        Options = options.Value;
        _account = new(() => CloudStorageAccount.Parse(Options.ConnectionString));
        (BlobService, TableService) = StorageClients.Create(Options.Connection, Options.EnforceAzureRules);
    }

    public StorageOptions Options { get; }

    /// <summary>The blob service, on the connection string or the identity in <c>AzureWebJobsStorage</c>.</summary>
    public BlobServiceClient BlobService { get; }

    /// <summary>The table service, on the same connection.</summary>
    public TableServiceClient TableService { get; }

    public CloudBlobClient Blobs => _account.Value.CreateCloudBlobClient();

    public CloudTableClient Tables => _account.Value.CreateCloudTableClient();

    /// <summary>The endpoint shown to people when storage cannot be reached (never the key).</summary>
    public string BlobEndpoint => BlobService.Uri.ToString();

    public CloudBlobContainer SubmissionContainer(string departmentId) =>
        Blobs.GetContainerReference(Options.SubmissionContainerPrefix + departmentId);

    public string? DepartmentOfContainer(string containerName) =>
        containerName.StartsWith(Options.SubmissionContainerPrefix, StringComparison.Ordinal)
            ? containerName[Options.SubmissionContainerPrefix.Length..]
            : null;

    public CloudTable Table(string name) => Tables.GetTableReference(name);

    /// <summary>Creates the shared containers and tables, and one submission container per department.</summary>
    public async Task EnsureCreatedAsync(IEnumerable<string> departmentIds, CancellationToken cancellationToken = default)
    {
        foreach (var table in new[] { Options.FigureTable, Options.SubmissionTable, Options.ReceiptTable, Options.RunTable })
        {
            await Table(table).CreateIfNotExistsAsync(null, null, cancellationToken);
        }

        foreach (var container in new[] { Options.ScorecardContainer, Options.ConfigContainer })
        {
            await Blobs.GetContainerReference(container).CreateIfNotExistsAsync(BlobContainerPublicAccessType.Off, null, null, cancellationToken);
        }

        foreach (var department in departmentIds)
        {
            await SubmissionContainer(department).CreateIfNotExistsAsync(BlobContainerPublicAccessType.Off, null, null, cancellationToken);
        }
    }
}
