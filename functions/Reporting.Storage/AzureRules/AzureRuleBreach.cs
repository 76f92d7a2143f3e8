namespace Reporting.Storage.AzureRules;

/// <summary>What a check found: the rule and the offending value; the policy adds the request to make a violation.</summary>
internal sealed record AzureRuleBreach(AzureRule Rule, string Detail);
