using System.Text.Json;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// One custom property of a JSON entity with its declared OData type (from <c>Name@odata.type</c>), or null where
/// JSON implies it (string, Int32/Double number, boolean). System properties and annotations are not properties.
/// </summary>
internal readonly record struct TableProperty(string Name, JsonElement Value, string? EdmType)
{
    private const string TypeSuffix = "@odata.type";

    public static List<TableProperty> Of(JsonElement entity)
    {
        var properties = new List<TableProperty>();
        foreach (var property in entity.EnumerateObject())
        {
            if (IsCustom(property.Name))
            {
                var type = entity.TryGetProperty(property.Name + TypeSuffix, out var t) && t.ValueKind == JsonValueKind.String
                    ? t.GetString()
                    : null;
                properties.Add(new(property.Name, property.Value, type));
            }
        }

        return properties;
    }

    /// <summary>The value as text, for strings and the types JSON carries as strings (Int64, DateTime, Guid, Binary).</summary>
    public string? Text => Value.ValueKind == JsonValueKind.String ? Value.GetString() : null;

    private static bool IsCustom(string name) =>
        name is not ("PartitionKey" or "RowKey" or "Timestamp")
        && !name.Contains('@', StringComparison.Ordinal)
        && !name.StartsWith("odata.", StringComparison.Ordinal);
}
