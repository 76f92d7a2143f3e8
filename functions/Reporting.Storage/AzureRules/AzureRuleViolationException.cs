namespace Reporting.Storage.AzureRules;

/// <summary>
/// Thrown instead of sending a request Azure Storage would refuse, so the mistake shows up against Azurite, not in
/// production. Not a <c>RequestFailedException</c>: the SDK's retry policy never retries it.
/// </summary>
public sealed class AzureRuleViolationException(AzureRuleViolation violation) : Exception(violation.Describe())
{
    public AzureRuleViolation Violation { get; } = violation;
}
