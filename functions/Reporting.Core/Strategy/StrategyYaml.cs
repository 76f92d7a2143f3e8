using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Reporting.Core.Strategy;

/// <summary>Reads <c>strategy.yaml</c> and reports every problem in it, not only the first.</summary>
public static class StrategyYaml
{
    /// <summary>The longest strategy file read, in characters: 1,000 departments of 50 KPIs take about 9 million.</summary>
    public const int MaxCharacters = 16 * 1024 * 1024;

    /// <summary>How many problems are listed before the rest are only counted.</summary>
    public const int MaxProblems = 100;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static StrategyLoadResult Parse(string yaml)
    {
        if (yaml.Length > MaxCharacters)
        {
            return new StrategyLoadResult(null, [new StrategyProblem("(file)", string.Create(CultureInfo.InvariantCulture,
                $"the strategy file is {yaml.Length:N0} characters long, more than the limit of {MaxCharacters:N0}; a strategy of 1,000 departments takes about 9 million"))]);
        }

        if (StrategyYamlShape.Check(yaml) is { } shape)
        {
            return new StrategyLoadResult(null, [shape]);
        }

        StrategyDocument? document;
        try
        {
            document = Deserializer.Deserialize<StrategyDocument>(yaml);
        }
        catch (YamlException ex)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"line {ex.Start.Line}, column {ex.Start.Column}");
            var reason = Bounded(ex.InnerException?.Message ?? ex.Message);
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
            Listed(problems.Where(p => p.Severity == ProblemSeverity.Error).ToList()),
            Listed(problems.Where(p => p.Severity == ProblemSeverity.Warning).ToList()));
    }

    /// <summary>Reads the file if it is within <see cref="MaxCharacters"/> (a UTF-8 character is at least a byte); a longer one is refused unread.</summary>
    public static StrategyLoadResult Load(string path) => new FileInfo(path).Length > 4L * MaxCharacters
        ? new StrategyLoadResult(null, [new StrategyProblem("(file)", string.Create(CultureInfo.InvariantCulture, $"the strategy file is {new FileInfo(path).Length:N0} bytes long, more than the limit of {MaxCharacters:N0} characters"))])
        : Parse(File.ReadAllText(path));

    // The first problems, and a last line counting the rest, so what is printed stays short whatever the file.
    private static List<StrategyProblem> Listed(List<StrategyProblem> problems) => problems.Count <= MaxProblems
        ? problems
        : [.. problems.Take(MaxProblems), new StrategyProblem("(file)", string.Create(CultureInfo.InvariantCulture, $"{problems.Count - MaxProblems} more problems not listed; fix these and check the file again"), problems[0].Severity)];

    // YamlDotNet's messages can quote what the file holds (an unknown key); the problem says where, so the start suffices.
    private static string Bounded(string message) => message.Length <= 300 ? message : message[..299] + "…";
}
