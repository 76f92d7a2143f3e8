namespace Reporting.Cli;

/// <summary>The configuration this CLI was built in, so the demo starts the host built beside it.</summary>
internal static class BuildConfiguration
{
#if DEBUG
    public const string Name = "Debug";
#else
    public const string Name = "Release";
#endif
}
