namespace Reporting.Testing;

/// <summary>Files of the repository itself (samples, host.json), found by walking up from the test binaries.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Reporting.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Reporting.sln not found above " + AppContext.BaseDirectory);
    }
}
