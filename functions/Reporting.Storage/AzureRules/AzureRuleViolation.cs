namespace Reporting.Storage.AzureRules;

/// <summary>
/// One request refused before it was sent because Azure Storage would refuse it: which rule, the offending value
/// (truncated), and the request's method and URL without its query string (which may hold a SAS).
/// </summary>
public sealed record AzureRuleViolation(AzureRule Rule, string Detail, string Method, Uri Uri)
{
    /// <summary>The rule as Azure documents it, the detail, and the request, for exception messages and logs.</summary>
    public string Describe() => $"{Rule}: {AzureRuleDocs.Of(Rule)} ({Detail}); refused before sending {Method} {Uri}";
}
