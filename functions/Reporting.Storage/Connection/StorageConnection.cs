using Azure.Core;
using Azure.Identity;

namespace Reporting.Storage.Connection;

/// <summary>
/// How the host reaches the storage account, read the way Azure Functions reads <c>AzureWebJobsStorage</c>: either a
/// connection string (Azurite, development) or an identity-based connection (<c>AzureWebJobsStorage__accountName</c>, or
/// <c>__blobServiceUri</c> + <c>__tableServiceUri</c>, optionally <c>__queueServiceUri</c> for the upload events' queue and
/// <c>__clientId</c> for a user-assigned identity).
/// </summary>
public sealed record StorageConnection(string? ConnectionString, Uri? BlobServiceUri, Uri? TableServiceUri, string? ClientId, Uri? QueueServiceUri = null)
{
    /// <summary>True when the host signs in with an identity (Microsoft Entra ID) instead of an account key.</summary>
    public bool UsesIdentity => ConnectionString is null;

    public static StorageConnection FromConnectionString(string connectionString) => new(connectionString, null, null, null);

    /// <summary>The credential for an identity-based connection: a user-assigned identity when a client id is given, else the default chain.</summary>
    public TokenCredential CreateCredential() => ClientId is { Length: > 0 } clientId
        ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId, WorkloadIdentityClientId = clientId })
        : new DefaultAzureCredential();

    /// <summary>Where to tell people storage is (never a key).</summary>
    public string Describe() => UsesIdentity ? $"{BlobServiceUri} (identity)" : "the account in AzureWebJobsStorage";
}
