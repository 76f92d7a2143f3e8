using Reporting.LocalDev;

namespace Reporting.Cli;

// Where the repository's own files are (samples, package.json), found from the working directory or the binaries.
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        try
        {
            return AzuriteInstallation.FindRepositoryRoot();
        }
        catch (InvalidOperationException)
        {
            return Directory.GetCurrentDirectory();
        }
    });

    public static string Root => RootPath.Value;
}
