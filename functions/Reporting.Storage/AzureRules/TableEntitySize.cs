using System.Text.Json;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// An entity's size by the formula the Azure Storage team published ("How the size of an entity is calculated in
/// Windows Azure table storage"): 4 + 2 × len(PartitionKey + RowKey) + Σ(8 + 2 × len(name) + value size), a value
/// taking 2 × length + 4 (string), bytes + 4 (binary), 16 (Guid), 8 (DateTime, Int64, Double), 4 (Int32), 1 (bool).
/// Exact for that formula, not for Azure's internal encoding; nulls are not stored, so they count nothing.
/// </summary>
internal static class TableEntitySize
{
    public const long MaxBytes = 1024 * 1024;

    public static long Of(EntityKeys? keys, IEnumerable<TableProperty> properties)
    {
        var size = 4L + 2L * ((keys?.PartitionKey.Length ?? 0) + (keys?.RowKey.Length ?? 0));
        foreach (var property in properties)
        {
            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                size += 8 + 2L * property.Name.Length + ValueSize(property);
            }
        }

        return size;
    }

    /// <summary>The decoded length of a base64 value, without decoding it.</summary>
    public static long BinaryLength(string base64)
    {
        var padding = base64.EndsWith("==", StringComparison.Ordinal) ? 2 : base64.EndsWith('=') ? 1 : 0;
        return base64.Length / 4 * 3 - padding;
    }

    private static long ValueSize(TableProperty property) => property.EdmType switch
    {
        "Edm.Binary" => BinaryLength(property.Text ?? "") + 4,
        "Edm.Guid" => 16,
        "Edm.DateTime" or "Edm.Int64" or "Edm.Double" => 8,
        "Edm.Int32" => 4,
        "Edm.Boolean" => 1,
        _ => property.Value.ValueKind switch
        {
            JsonValueKind.String => 2L * (property.Text?.Length ?? 0) + 4,
            JsonValueKind.Number => property.Value.TryGetInt32(out _) ? 4 : 8,
            JsonValueKind.True or JsonValueKind.False => 1,
            _ => 0,
        },
    };
}
