using Reporting.Core.Periods;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;

namespace Reporting.Testing;

/// <summary>The sample organisation in samples/, scored in memory, for tests that need a realistic scorecard.</summary>
public static class SampleOrganisation
{
    public static EngagementStrategy Strategy() => StrategyYaml.Load(RepositoryFiles.Path("samples", "strategy.yaml")).GetValidStrategy();

    /// <summary>Every sample file read with the submission rules; throws if one of them is not accepted.</summary>
    public static IEnumerable<KpiFigure> Figures(EngagementStrategy strategy)
    {
        var reader = new SubmissionCsvReader(new SubmissionRules());
        return Directory.EnumerateFiles(RepositoryFiles.Path("samples", "submissions"), "*.csv", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(path =>
            {
                using var stream = File.OpenRead(path);
                var result = reader.Read(stream, strategy.FindDepartment(Path.GetFileName(Path.GetDirectoryName(path)!))!);
                return result.IsAccepted
                    ? result.Figures
                    : throw new InvalidOperationException($"{path}: {string.Join("; ", result.Problems)}");
            })
            .ToList();
    }

    public static Scorecard Scorecard(Period period)
    {
        var strategy = Strategy();
        return ScorecardBuilder.Build(strategy, period, Figures(strategy));
    }
}
