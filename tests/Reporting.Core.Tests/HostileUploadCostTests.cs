using Reporting.Core.Periods;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Testing.Hostile;
using Xunit.Abstractions;

namespace Reporting.Core.Tests;

/// <summary>
/// Every generated hostile upload within the size limits (and every hostile strategy file) is checked at a bounded
/// cost: the bytes the checks allocate, never time (docs/submission-format.md, "Limits"), and an answer of at most
/// 16 KB, without an exception. The table of what each case cost is printed.
/// </summary>
public sealed class HostileUploadCostTests(ITestOutputHelper output)
{
    private const long MaxAllocated = 64L * 1024 * 1024;
    private const int MaxAnswer = 16 * 1024;
    private static readonly SubmissionRules Rules = new() { CurrentPeriod = new Period(2026, 11) };

    [Fact]
    public void Read_HostileCsv_CostsBoundedMemoryAndABoundedAnswer() =>
        Check(HostileCsv.Cases(Rules.MaxBytes), upload => HostileCost.OfUpload(upload, new SubmissionReader(Rules), TestStrategy.Sales));

    [Fact]
    public void Read_HostileWorkbooks_CostBoundedMemoryAndABoundedAnswer_AndNeverReadAnExternalEntity()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"reporting-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "SECRET-FROM-THE-HOST");
        try
        {
            var costs = Check(HostileWorkbooks.Cases(Rules.MaxUnzippedBytes, secret), upload => HostileCost.OfUpload(upload, new SubmissionReader(Rules), TestStrategy.Sales));
            Assert.All(costs, cost => Assert.DoesNotContain("SECRET-FROM-THE-HOST", cost.Outcome, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    // A strategy file is the admin's, not a department's: one within the size limit is deserialized whole, at a cost
    // that grows with its size (YamlDotNet builds every object first), so that kind is bounded relative to its size.
    [Fact]
    public void Parse_HostileStrategies_CostBoundedMemoryAndABoundedAnswer() =>
        Check(HostileStrategies.Cases(StrategyYaml.MaxCharacters), HostileCost.OfStrategy, input => input.Kind == "yaml large" ? 256L * input.Bytes.Length : MaxAllocated);

    private List<HostileCost> Check(IEnumerable<HostileCase> cases, Func<HostileCase, HostileCost> measure, Func<HostileCase, long>? maxAllocated = null)
    {
        var costs = new List<HostileCost>();
        var failures = new List<string>();
        output.WriteLine("| kind | case | bytes | allocated by the checks | largest answer file (bytes) | outcome |\n|---|---|---|---|---|---|");
        foreach (var input in cases)
        {
            HostileCost cost;
            try
            {
                cost = measure(input);
            }
            catch (Exception ex)
            {
                failures.Add($"{input}: threw {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            output.WriteLine(cost.ToString());
            costs.Add(cost);
            var bound = maxAllocated?.Invoke(input) ?? MaxAllocated;
            if (cost.AllocatedBytes > bound || cost.AnswerBytes > MaxAnswer)
            {
                failures.Add($"{input}: allocated {cost.AllocatedBytes:N0} bytes (at most {bound:N0}), answer {cost.AnswerBytes:N0} bytes (at most {MaxAnswer:N0})");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return costs;
    }
}
