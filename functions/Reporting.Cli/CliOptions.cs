using System.CommandLine;

namespace Reporting.Cli;

// Options several verbs share.
internal static class CliOptions
{
    /// <summary>--connection, then AzureWebJobsStorage, then the local emulator.</summary>
    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Storage connection string (default: the AzureWebJobsStorage variable, else the local Azurite emulator)",
        Recursive = true,
    };

    public static Option<string> Department(bool required = true) => new("--department", "-d")
    {
        Description = "The department id, as in strategy.yaml",
        Required = required,
    };

    public static Option<string?> Period(string description) => new("--period", "-p") { Description = description };
}
