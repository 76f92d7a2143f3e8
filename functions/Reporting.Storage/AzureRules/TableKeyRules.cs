using System.Globalization;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// The key-field rules of "Understanding the Table service data model": forbidden characters, and "a string value up
/// to 1 KiB in size". Table strings are UTF-16 ("Edm.String: a UTF-16-encoded value"), so 1 KiB is 512 characters;
/// Azurite uses the same 512-character limit.
/// </summary>
internal static class TableKeyRules
{
    public const int MaxKeyBytes = 1024;

    public static AzureRuleBreach? Check(EntityKeys? keys, string where) => keys is null
        ? null
        : Check("PartitionKey", keys.PartitionKey, where) ?? Check("RowKey", keys.RowKey, where);

    private static AzureRuleBreach? Check(string name, string key, string where)
    {
        for (var i = 0; i < key.Length; i++)
        {
            if (IsForbidden(key[i]))
            {
                return new(AzureRule.TableKeyInvalidCharacter, string.Create(CultureInfo.InvariantCulture,
                    $"{name} in the {where} = {Excerpt.Of(key)}: U+{(int)key[i]:X4} at index {i}"));
            }
        }

        return key.Length * sizeof(char) > MaxKeyBytes
            ? new(AzureRule.TableKeyTooLong, string.Create(CultureInfo.InvariantCulture,
                $"{name} in the {where} has {key.Length:N0} characters = {key.Length * sizeof(char):N0} bytes: {Excerpt.Of(key)}"))
            : null;
    }

    private static bool IsForbidden(char c) =>
        c is '/' or '\\' or '#' or '?' or <= '\u001F' or (>= '\u007F' and <= '\u009F');
}
