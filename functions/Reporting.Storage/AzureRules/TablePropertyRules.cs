using System.Globalization;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// The per-property limits of "Understanding the Table service data model": Edm.DateTime starts at 1601-01-01 UTC
/// (Azurite stores year 0001 happily), Edm.String and Edm.Binary values hold up to 64 KiB.
/// </summary>
internal static class TablePropertyRules
{
    public const int MaxValueBytes = 64 * 1024;
    private static readonly DateTimeOffset MinDateTime = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static AzureRuleBreach? Check(TableProperty property) => property.EdmType switch
    {
        "Edm.DateTime" => CheckDateTime(property),
        "Edm.Binary" => CheckSize(property, TableEntitySize.BinaryLength(property.Text ?? ""), "bytes"),
        null or "Edm.String" when property.Text is { } text => CheckSize(property, text.Length * sizeof(char), "bytes as UTF-16"),
        _ => null,
    };

    private static AzureRuleBreach? CheckDateTime(TableProperty property)
    {
        // DateTimeOffset spans 0001-01-01 to 9999-12-31T23:59:59.9999999 in UTC, so a value that does not parse
        // (year 10000, or an offset pushing it past either end) is outside Azure's range, or malformed: refused either way.
        var text = property.Text ?? "";
        var parsed = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value);
        return !parsed || value < MinDateTime
            ? new(AzureRule.TableDateTimeOutOfRange, $"property {property.Name} = {Excerpt.Of(text, quoted: false)}")
            : null;
    }

    private static AzureRuleBreach? CheckSize(TableProperty property, long bytes, string unit) => bytes > MaxValueBytes
        ? new(AzureRule.TablePropertyTooLarge, string.Create(CultureInfo.InvariantCulture,
            $"property {property.Name} is {bytes:N0} {unit}: {Excerpt.Of(property.Text ?? "")}"))
        : null;
}
