using Reporting.Core.Periods;

namespace Reporting.Cli.Demo;

/// <summary>One sample file, <c>submissions/&lt;department&gt;/&lt;YYYY-MM&gt;.csv</c>.</summary>
internal sealed record SampleSubmission(string Department, Period Period, FileInfo File)
{
    public string BlobName => File.Name;

    public static IReadOnlyList<SampleSubmission> FindAll(DirectoryInfo samples)
    {
        var root = new DirectoryInfo(Path.Combine(samples.FullName, "submissions"));
        if (!root.Exists)
        {
            return [];
        }

        return root.EnumerateDirectories()
            .SelectMany(folder => folder.EnumerateFiles("*.csv").Select(file =>
                Period.TryParse(Path.GetFileNameWithoutExtension(file.Name), out var period)
                    ? new SampleSubmission(folder.Name, period, file)
                    : null))
            .OfType<SampleSubmission>()
            .OrderBy(s => s.Period).ThenBy(s => s.Department, StringComparer.Ordinal)
            .ToList();
    }
}
