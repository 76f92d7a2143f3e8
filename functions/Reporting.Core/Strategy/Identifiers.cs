using System.Text.RegularExpressions;

namespace Reporting.Core.Strategy;

/// <summary>
/// The rules for department and KPI ids. Department ids become part of a blob container name
/// (<c>submissions-&lt;id&gt;</c>), so they are held to that name's rules: lowercase letters, digits, single hyphens.
/// </summary>
public static partial class Identifiers
{
    public const int MaxDepartmentIdLength = 40;
    public const int MaxKpiIdLength = 64;

    public static string? ProblemWithDepartmentId(string? id) =>
        ProblemWith(id, MaxDepartmentIdLength, "department id");

    public static string? ProblemWithKpiId(string? id) => ProblemWith(id, MaxKpiIdLength, "KPI id");

    private static string? ProblemWith(string? id, int maxLength, string what)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return $"a {what} is required";
        }

        if (id.Length is < 2 || id.Length > maxLength || !IdPattern().IsMatch(id))
        {
            return $"'{StrategyText.Quote(id)}' is not a valid {what}: use 2 to {maxLength} lowercase letters, digits and single hyphens, " +
                   "starting with a letter and not ending with a hyphen (for example customer-support)";
        }

        return null;
    }

    [GeneratedRegex("^[a-z](?:[a-z0-9]|-(?!-))*[a-z0-9]$")]
    private static partial Regex IdPattern();
}
