namespace Reporting.Core.Submissions;

// Where each known column sits in this file's header (1-based), or 0 when absent.
internal sealed record SubmissionColumns(int Period, int Kpi, int Value, int Comment, int Department, int Unit)
{
    public static readonly string[] Required = ["period", "kpi", "value"];
    public static readonly string[] Optional = ["comment", "department", "unit"];

    /// <summary>The guidance columns of the month's template (<see cref="SubmissionTemplate"/>): read past, never stored.</summary>
    public static readonly string[] Guidance = ["name", "target", "last month"];

    /// <summary>Reads the header; in a sheet, cells left empty in the header row are not columns (tables need not start in A).</summary>
    public static SubmissionColumns FromHeader(IReadOnlyList<SubmissionCell> header, int line, ProblemLocator locator, List<SubmissionProblem> problems, int maxProblems)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count && problems.Count <= maxProblems; i++)
        {
            var text = header[i].Text;
            var name = text.Trim().ToLowerInvariant();
            if (locator.IsSheet && name.Length == 0)
            {
                continue;
            }

            if (!Required.Contains(name) && !Optional.Contains(name) && !Guidance.Contains(name))
            {
                problems.Add(locator.At(line, i + 1, SubmissionText.Quote(text), $"unknown column '{SubmissionText.Quote(text)}'; the columns are {string.Join(", ", Required.Concat(Optional))} (and the template's {string.Join(", ", Guidance)}, which are not read)"));
            }
            else if (!positions.TryAdd(name, i + 1))
            {
                problems.Add(locator.At(line, i + 1, SubmissionText.Quote(text), $"column '{name}' appears twice"));
            }
        }

        foreach (var name in Required.Where(n => !positions.ContainsKey(n)))
        {
            problems.Add(locator.At(line, 0, name, $"the required column '{name}' is missing; the header must name period, kpi and value"));
        }

        int At(string name) => positions.GetValueOrDefault(name);
        return new SubmissionColumns(At("period"), At("kpi"), At("value"), At("comment"), At("department"), At("unit"));
    }
}
