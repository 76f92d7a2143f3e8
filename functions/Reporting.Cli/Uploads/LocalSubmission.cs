using Reporting.Core.Strategy;

namespace Reporting.Cli.Uploads;

/// <summary>
/// A file on disk to upload for a department; <paramref name="DeclaredReceivedUtc"/>, for sample data, is declared in the
/// upload's metadata (a host takes it only when told to trust it; see <c>ReceivedTimes</c>).
/// </summary>
internal sealed record LocalSubmission(string Department, FileInfo File, DateTimeOffset? DeclaredReceivedUtc = null)
{
    /// <summary>
    /// The files a path stands for: one CSV; the CSVs in a folder (for <paramref name="department"/>); or, without a
    /// department, a folder of department folders (<c>submissions/&lt;department-id&gt;/&lt;YYYY-MM&gt;.csv</c>, like samples/).
    /// </summary>
    public static IReadOnlyList<LocalSubmission> Find(string path, string? department, EngagementStrategy strategy, out string? problem)
    {
        problem = null;
        if (department is not null && strategy.FindDepartment(department) is null)
        {
            problem = $"There is no department '{department}' in the strategy in force; departments: {string.Join(", ", strategy.Departments.Select(d => d.Id))}";
            return [];
        }

        if (System.IO.File.Exists(path))
        {
            if (department is null)
            {
                problem = "Say which department the file is for with --department.";
                return [];
            }

            return [new LocalSubmission(department, new FileInfo(path))];
        }

        if (!Directory.Exists(path))
        {
            problem = $"No file or folder at {Path.GetFullPath(path)}.";
            return [];
        }

        var folder = new DirectoryInfo(path);
        var found = department is not null
            ? Submissions(folder).Select(f => new LocalSubmission(department, f))
            : folder.EnumerateDirectories().Where(d => strategy.FindDepartment(d.Name) is not null)
                .SelectMany(d => Submissions(d).Select(f => new LocalSubmission(d.Name, f)));
        var list = found.OrderBy(s => s.File.Name, StringComparer.Ordinal).ThenBy(s => s.Department, StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            problem = department is null
                ? $"No CSV or .xlsx files in department folders under {folder.FullName} (expected <department-id>/<YYYY-MM>.csv); or pass --department."
                : $"No CSV or .xlsx files in {folder.FullName}.";
        }

        return list;
    }

    // What a department uploads: CSV files and Excel workbooks (docs/submission-format.md).
    private static IEnumerable<FileInfo> Submissions(DirectoryInfo folder) =>
        folder.EnumerateFiles().Where(f => f.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) || f.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase));
}
