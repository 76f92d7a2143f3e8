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

    /// <summary>
    /// True for the local emulator (Azurite): <c>UseDevelopmentStorage=true</c>, its well-known account, or endpoints on
    /// this machine. The emulator accepts requests Azure refuses; Azure itself never does.
    /// </summary>
    public bool IsEmulator
    {
        get
        {
            if (ConnectionString is null)
            {
                return IsLoopback(BlobServiceUri) || IsLoopback(TableServiceUri);
            }

            foreach (var part in ConnectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var (key, value) = part.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? (part[..at].Trim(), part[(at + 1)..].Trim()) : (part, "");
                var isEmulator = key.ToUpperInvariant() switch
                {
                    "USEDEVELOPMENTSTORAGE" => value.Equals("true", StringComparison.OrdinalIgnoreCase),
                    "ACCOUNTNAME" => value == "devstoreaccount1",
                    "BLOBENDPOINT" or "TABLEENDPOINT" or "QUEUEENDPOINT" => Uri.TryCreate(value, UriKind.Absolute, out var endpoint) && IsLoopback(endpoint),
                    _ => false,
                };
                if (isEmulator)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static bool IsLoopback(Uri? endpoint) => endpoint?.IsLoopback == true;

    /// <summary>The credential for an identity-based connection: a user-assigned identity when a client id is given, else the default chain.</summary>
    public TokenCredential CreateCredential() => ClientId is { Length: > 0 } clientId
        ? new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId, WorkloadIdentityClientId = clientId })
        : new DefaultAzureCredential();

    /// <summary>Where to tell people storage is (never a key).</summary>
    public string Describe() => UsesIdentity ? $"{BlobServiceUri} (identity)" : "the account in AzureWebJobsStorage";
}
