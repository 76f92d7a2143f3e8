using Reporting.Storage.AzureRules;

namespace Reporting.Testing;

/// <summary>Fails a test when the code under test sent (or tried to send) anything Azure Storage would refuse.</summary>
public static class AzureRulesAssert
{
    /// <summary>The text every refusal's message carries, to find one in a host process's log.</summary>
    public const string RefusalMarker = "refused before sending";

    public static void NoneIn(AzureRuleViolations violations, string where)
    {
        if (violations.All is { Count: > 0 } all)
        {
            throw new InvalidOperationException(
                $"{where} made {all.Count} request(s) that Azure Storage would refuse:\n" + string.Join('\n', all.Select(v => "  " + v.Describe())));
        }
    }

    public static void NoneInLog(string log, string where)
    {
        var lines = log.Split('\n').Where(l => l.Contains(RefusalMarker, StringComparison.Ordinal)).ToList();
        if (lines.Count > 0)
        {
            throw new InvalidOperationException($"{where} made request(s) that Azure Storage would refuse:\n" + string.Join('\n', lines));
        }
    }
}
