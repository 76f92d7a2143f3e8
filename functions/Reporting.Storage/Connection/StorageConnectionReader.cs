using Microsoft.Extensions.Configuration;

namespace Reporting.Storage.Connection;

/// <summary>Reads <c>AzureWebJobsStorage</c> in every form Azure Functions documents; tells exactly what is missing otherwise.</summary>
public static class StorageConnectionReader
{
    public const string Setting = "AzureWebJobsStorage";

    public static StorageConnection Read(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(Setting) ?? configuration[Setting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return StorageConnection.FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(Setting);
        var clientId = section["clientId"];
        if (section["accountName"] is { Length: > 0 } accountName)
        {
            return new StorageConnection(null, new Uri($"https://{accountName}.blob.core.windows.net"), new Uri($"https://{accountName}.table.core.windows.net"), clientId,
                new Uri($"https://{accountName}.queue.core.windows.net"));
        }

        var blob = section["blobServiceUri"];
        var table = section["tableServiceUri"];
        if (blob is null && table is null)
        {
            return StorageConnection.FromConnectionString(StorageOptions.DevelopmentConnection);
        }

        if (blob is null || table is null)
        {
            throw new InvalidOperationException(
                $"{Setting}__{(blob is null ? "blobServiceUri" : "tableServiceUri")} is missing: an identity-based connection needs both "
                + $"{Setting}__blobServiceUri and {Setting}__tableServiceUri (or just {Setting}__accountName).");
        }

        // The queue is needed only when the host takes upload events from one (extensions:submissionBlobs:eventQueue).
        var queue = section["queueServiceUri"] is { Length: > 0 } queueUri ? ParseUri(queueUri, "queueServiceUri") : null;
        return new StorageConnection(null, ParseUri(blob, "blobServiceUri"), ParseUri(table, "tableServiceUri"), clientId, queue);
    }

    private static Uri ParseUri(string value, string name) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new InvalidOperationException($"{Setting}__{name} '{value}' is not an absolute https URL, for example https://myaccount.blob.core.windows.net.");
}
