using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Reporting.Core.Strategy;

/// <summary>Reads <c>strategy.yaml</c> and reports every problem in it, not only the first.</summary>
public static class StrategyYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static StrategyLoadResult Parse(string yaml)
    {
        StrategyDocument? document;
        try
        {
            document = Deserializer.Deserialize<StrategyDocument>(yaml);
        }
        catch (YamlException ex)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"line {ex.Start.Line}, column {ex.Start.Column}");
            var reason = ex.InnerException?.Message ?? ex.Message;
            return new StrategyLoadResult(null, [new StrategyProblem(where, reason)]);
        }

        if (document is null)
        {
            return new StrategyLoadResult(null, [new StrategyProblem("(file)", "the strategy file is empty")]);
        }

        var problems = new List<StrategyProblem>();
        var strategy = new StrategyValidator(problems).Validate(document);
        return new StrategyLoadResult(
            strategy,
            problems.Where(p => p.Severity == ProblemSeverity.Error).ToList(),
            problems.Where(p => p.Severity == ProblemSeverity.Warning).ToList());
    }

    public static StrategyLoadResult Load(string path) => Parse(File.ReadAllText(path));
}
