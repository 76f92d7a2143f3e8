namespace Reporting.Storage.AzureRules;

/// <summary>
/// Collects every violation the policy found, so tests and diagnostics can see refusals even where the calling code
/// caught and swallowed the exception. Safe to share between concurrent requests.
/// </summary>
public sealed class AzureRuleViolations
{
    private readonly Lock _gate = new();
    private readonly List<AzureRuleViolation> _all = [];

    /// <summary>A snapshot of the violations recorded so far, oldest first.</summary>
    public IReadOnlyList<AzureRuleViolation> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _all];
            }
        }
    }

    public void Add(AzureRuleViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        lock (_gate)
        {
            _all.Add(violation);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _all.Clear();
        }
    }
}
