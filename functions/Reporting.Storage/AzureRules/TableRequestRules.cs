using Azure.Core;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// Routes a Tables request to the checks that apply: a <c>$batch</c> to the batch rules, anything else to the entity
/// rules (URL keys, and the JSON body where there is one). Creating a table (<c>POST /Tables</c>) is not an entity.
/// </summary>
internal static class TableRequestRules
{
    /// <summary>Azure.Data.Tables sends the OData <c>DataServiceVersion</c> header on every request; blob requests never do.</summary>
    public static bool IsTableRequest(Request request) =>
        request.Headers.Contains("DataServiceVersion")
        || request.Uri.Host?.Contains(".table.", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Only JSON entities and multipart batches are read; both are small and held in memory by the SDK.</summary>
    public static bool NeedsBody(Request request) =>
        request.Content is not null && ContentType(request) is { } type && (TableEntityRules.IsJson(type) || IsMultipart(type));

    public static AzureRuleBreach? Check(Request request, byte[]? body)
    {
        var uri = request.Uri.ToUri();
        var contentType = ContentType(request);
        if (body is not null && IsMultipart(contentType) && uri.AbsolutePath.EndsWith("/$batch", StringComparison.Ordinal))
        {
            return TableBatchRules.Check(contentType!, body);
        }

        return uri.AbsolutePath.EndsWith("/Tables", StringComparison.OrdinalIgnoreCase)
            ? null
            : TableEntityRules.Check(contentType, body, TableEntityAddress.TryParse(uri), out _);
    }

    private static string? ContentType(Request request) =>
        request.Headers.TryGetValue("Content-Type", out var value) ? value : null;

    private static bool IsMultipart(string? contentType) =>
        contentType?.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase) == true;
}
