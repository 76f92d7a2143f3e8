using System.Text.RegularExpressions;

namespace Reporting.Core.Strategy;

// Checks the strategy's mail addresses: a typo here means an executive silently gets nothing, so every address must be
// well formed and none may appear twice in a list (a duplicate would be sent the same message twice).
internal sealed partial class RecipientValidator(List<StrategyProblem> problems)
{
    public StrategyRecipients Validate(StrategyDocument document, IReadOnlyList<Department> departments)
    {
        var leadership = ValidateList(document.Leadership, "leadership");
        var admins = ValidateList(document.Admins, "admins");
        foreach (var department in departments.Where(d => d.OwnerEmail is not null))
        {
            Check(department.OwnerEmail!, $"departments[{department.Id}].ownerEmail");
        }

        return new StrategyRecipients(leadership, admins);
    }

    /// <summary>A deliberately plain check (local@domain.tld, no spaces, no display names): what SMTP relays accept everywhere.</summary>
    public static bool IsWellFormed(string address) => address.Length <= 254 && AddressPattern().IsMatch(address);

    private List<string> ValidateList(List<string>? addresses, string path)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var valid = new List<string>();
        for (var i = 0; i < (addresses?.Count ?? 0); i++)
        {
            var address = addresses![i]?.Trim() ?? "";
            var itemPath = $"{path}[{i}]";
            if (!Check(address, itemPath))
            {
                continue;
            }

            if (!seen.Add(address))
            {
                problems.Add(new StrategyProblem(itemPath, $"'{StrategyText.Quote(address)}' is listed twice"));
                continue;
            }

            valid.Add(address);
        }

        return valid;
    }

    private bool Check(string address, string path)
    {
        if (IsWellFormed(address))
        {
            return true;
        }

        problems.Add(new StrategyProblem(path, $"'{StrategyText.Quote(address)}' is not a mail address like name@example.org"));
        return false;
    }

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
