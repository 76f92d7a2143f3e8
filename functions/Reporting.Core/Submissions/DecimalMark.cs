namespace Reporting.Core.Submissions;

/// <summary>
/// Which mark a file's numbers use for decimals, as far as the file's form tells: a comma-delimited CSV uses '.',
/// a semicolon-delimited one (what German and French Excel write) uses ',', and a tab-delimited one or a text cell in
/// a workbook could be either, so only the number's own shape decides.
/// </summary>
public enum DecimalMark
{
    Point,
    Comma,
    Either,
}
