namespace Reporting.Core.Strategy;

/// <summary>Text from strategy.yaml as problems quote it: at most 100 characters, so a problem costs the same whatever the file holds.</summary>
internal static class StrategyText
{
    public const int MaxQuoted = 100;

    public static string? Quote(string? text) =>
        text is null || text.Length <= MaxQuoted ? text : text[..(char.IsHighSurrogate(text[MaxQuoted - 2]) ? MaxQuoted - 2 : MaxQuoted - 1)] + "…";
}
