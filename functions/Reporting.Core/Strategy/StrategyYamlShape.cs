using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Reporting.Core.Strategy;

/// <summary>
/// Reads strategy.yaml's events once before it is turned into objects, counting its nodes as they would be once every
/// alias is expanded, and its nesting: a file of a few kilobytes whose aliases expand a billion times (an "alias bomb"),
/// or that nests a million levels deep, is refused before anything walks it.
/// </summary>
internal static class StrategyYamlShape
{
    /// <summary>Far more than 1,000 departments of 50 KPIs with targets need (about 15 nodes a KPI).</summary>
    public const long MaxNodes = 4_000_000;

    /// <summary>Far more aliases than a strategy written by hand uses; each costs the deserializer a copy of what it names.</summary>
    public const int MaxAliases = 10_000;

    /// <summary>Deeper than the format goes (a baseline in a target in a KPI in a department: under ten levels).</summary>
    public const int MaxDepth = 32;

    /// <summary>A problem with the file's shape, or null; a file YamlDotNet cannot parse is left to the deserializer to report.</summary>
    public static StrategyProblem? Check(string yaml)
    {
        var expanded = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, long Nodes)>();
        long total = 0;
        var aliases = 0;
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case Scalar scalar:
                        total = Add(1, scalar.Anchor);
                        break;
                    case AnchorAlias when ++aliases > MaxAliases:
                        return new StrategyProblem(Where(parser.Current!), string.Create(CultureInfo.InvariantCulture,
                            $"the file uses more than {MaxAliases:N0} aliases (*name); write the entries out instead"));
                    case AnchorAlias alias:
                        total = Add(expanded.GetValueOrDefault(alias.Value.Value, 1), default);
                        break;
                    case MappingStart mapping:
                        open.Push((mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value, 1));
                        break;
                    case SequenceStart sequence:
                        open.Push((sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value, 1));
                        break;
                    case MappingEnd or SequenceEnd:
                        var (anchor, nodes) = open.Pop();
                        total = Add(nodes, anchor is null ? default : new AnchorName(anchor));
                        break;
                }

                if (open.Count > MaxDepth)
                {
                    return new StrategyProblem(Where(parser.Current!), string.Create(CultureInfo.InvariantCulture, $"the file nests more than {MaxDepth} levels deep; a strategy needs a few"));
                }

                if (total > MaxNodes || (open.Count > 0 && open.Peek().Nodes > MaxNodes))
                {
                    return new StrategyProblem(Where(parser.Current!), string.Create(CultureInfo.InvariantCulture,
                        $"the file holds more than {MaxNodes:N0} values once its aliases (*name) are expanded; write the entries out, or use fewer aliases"));
                }
            }
        }
        catch (YamlException)
        {
            return null;
        }

        return null;

        long Add(long nodes, AnchorName anchor)
        {
            if (!anchor.IsEmpty)
            {
                expanded[anchor.Value] = nodes;
            }

            if (open.Count == 0)
            {
                return total + nodes;
            }

            var (name, sum) = open.Pop();
            open.Push((name, Math.Min(sum + nodes, long.MaxValue / 2)));
            return total;
        }
    }

    private static string Where(ParsingEvent current) => string.Create(CultureInfo.InvariantCulture, $"line {current.Start.Line}, column {current.Start.Column}");
}
