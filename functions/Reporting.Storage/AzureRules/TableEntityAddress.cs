using System.Text;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// Reads the keys from an entity URL such as <c>/table(PartitionKey='a',RowKey='b')</c>: percent-decoded, with the
/// OData doubled single quote undone. The SDK escapes '(' and '\'' inside keys, so the first literal
/// <c>(PartitionKey=</c> in the escaped path is the address.
/// </summary>
internal static class TableEntityAddress
{
    private const string Start = "(PartitionKey=";

    public static EntityKeys? TryParse(Uri uri)
    {
        var path = uri.AbsolutePath;
        var start = path.IndexOf(Start, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var text = Uri.UnescapeDataString(path[start..]);
        var position = Start.Length;
        var partitionKey = ReadQuoted(text, ref position);
        if (partitionKey is null || !Skip(text, ",RowKey=", ref position))
        {
            return null;
        }

        var rowKey = ReadQuoted(text, ref position);
        return rowKey is not null && Skip(text, ")", ref position) ? new(partitionKey, rowKey) : null;
    }

    private static string? ReadQuoted(string text, ref int position)
    {
        if (position >= text.Length || text[position] != '\'')
        {
            return null;
        }

        var value = new StringBuilder();
        for (position++; position < text.Length; position++)
        {
            if (text[position] != '\'')
            {
                value.Append(text[position]);
            }
            else if (position + 1 < text.Length && text[position + 1] == '\'')
            {
                value.Append('\'');
                position++;
            }
            else
            {
                position++;
                return value.ToString();
            }
        }

        return null;
    }

    private static bool Skip(string text, string expected, ref int position)
    {
        if (string.CompareOrdinal(text, position, expected, 0, expected.Length) != 0)
        {
            return false;
        }

        position += expected.Length;
        return true;
    }
}
