using Microsoft.Extensions.Options;
using Microsoft.WindowsAzure.Storage;
using Microsoft.WindowsAzure.Storage.Blob;
using Microsoft.WindowsAzure.Storage.Table;

namespace Reporting.Storage;

/// <summary>The storage account and the names in it; creates what is missing on first use.</summary>
public sealed class ReportingStorageAccount(IOptions<StorageOptions> options)
{
    private readonly CloudStorageAccount _account = CloudStorageAccount.Parse(options.Value.ConnectionString);

    public StorageOptions Options { get; } = options.Value;

    public CloudBlobClient Blobs => _account.CreateCloudBlobClient();

    public CloudTableClient Tables => _account.CreateCloudTableClient();

    /// <summary>The endpoint shown to people when storage cannot be reached (never the key).</summary>
    public string BlobEndpoint => _account.BlobEndpoint.ToString();

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
