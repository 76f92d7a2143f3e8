using System.Globalization;
using System.Text.Json;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// Checks one entity operation, on its own or inside a batch: the keys in its URL and, for a JSON body, the keys,
/// every property, the number of custom properties (at most 252) and the entity's size (at most 1 MiB).
/// </summary>
internal static class TableEntityRules
{
    public const int MaxCustomProperties = 252;

    /// <summary>Checks the operation; <paramref name="keys"/> gets its address (body keys, else URL keys) when known.</summary>
    public static AzureRuleBreach? Check(string? contentType, ReadOnlyMemory<byte> body, EntityKeys? urlKeys, out EntityKeys? keys)
    {
        keys = urlKeys;
        var breach = TableKeyRules.Check(urlKeys, "URL");
        if (breach is not null || !IsJson(contentType) || body.IsEmpty)
        {
            return breach;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null; // Not an entity; Azure answers malformed JSON itself.
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var bodyKeys = KeysOf(document.RootElement);
            keys = bodyKeys ?? urlKeys;
            return TableKeyRules.Check(bodyKeys, "body") ?? CheckProperties(document.RootElement, keys);
        }
    }

    public static bool IsJson(string? contentType) =>
        contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;

    private static AzureRuleBreach? CheckProperties(JsonElement entity, EntityKeys? keys)
    {
        var properties = TableProperty.Of(entity);
        foreach (var property in properties)
        {
            if (TablePropertyRules.Check(property) is { } breach)
            {
                return breach;
            }
        }

        if (properties.Count > MaxCustomProperties)
        {
            return new(AzureRule.TableTooManyProperties, string.Create(CultureInfo.InvariantCulture,
                $"{properties.Count} custom properties, from {Excerpt.Of(properties[0].Name)} to {Excerpt.Of(properties[^1].Name)}"));
        }

        var size = TableEntitySize.Of(keys, properties);
        return size > TableEntitySize.MaxBytes
            ? new(AzureRule.TableEntityTooLarge, string.Create(CultureInfo.InvariantCulture,
                $"{size:N0} bytes by the documented entity size formula, PartitionKey = {Excerpt.Of(keys?.PartitionKey ?? "")}, RowKey = {Excerpt.Of(keys?.RowKey ?? "")}"))
            : null;
    }

    private static EntityKeys? KeysOf(JsonElement entity)
    {
        var partitionKey = StringOrNull(entity, "PartitionKey");
        var rowKey = StringOrNull(entity, "RowKey");
        return partitionKey is null && rowKey is null ? null : new(partitionKey ?? "", rowKey ?? "");
    }

    private static string? StringOrNull(JsonElement entity, string name) =>
        entity.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
