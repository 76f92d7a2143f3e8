using System.Globalization;

namespace Reporting.Core.Submissions.Workbooks;

/// <summary>Excel's A1 cell names: column 1 is A, 27 is AA; row numbers as Excel shows them.</summary>
public static class CellReference
{
    public static string Of(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>The 1-based column of a reference such as <c>B7</c>, or 0 when it has no column letters.</summary>
    public static int ColumnOf(string reference) => ColumnOf(reference.AsSpan());

    /// <summary>The 1-based column of a reference such as <c>B7</c>, or 0 when it has no column letters.</summary>
    public static int ColumnOf(ReadOnlySpan<char> reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c) || column > 16384)
            {
                break;
            }

            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return column;
    }
}
