namespace Reporting.Core.Submissions;

// Where each known column sits in this file's header (1-based), or 0 when absent.
internal sealed record SubmissionColumns(int Period, int Kpi, int Value, int Comment, int Department, int Unit)
{
    public static readonly string[] Required = ["period", "kpi", "value"];
    public static readonly string[] Optional = ["comment", "department", "unit"];

    public static SubmissionColumns FromHeader(IReadOnlyList<string> header, List<SubmissionProblem> problems)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            if (!Required.Contains(name) && !Optional.Contains(name))
            {
                problems.Add(new SubmissionProblem(1, i + 1, header[i], $"unknown column '{header[i]}'; the columns are {string.Join(", ", Required.Concat(Optional))}"));
            }
            else if (!positions.TryAdd(name, i + 1))
            {
                problems.Add(new SubmissionProblem(1, i + 1, header[i], $"column '{name}' appears twice"));
            }
        }

        foreach (var name in Required.Where(n => !positions.ContainsKey(n)))
        {
            problems.Add(new SubmissionProblem(1, 0, name, $"the required column '{name}' is missing; the header must name period, kpi and value"));
        }

        int At(string name) => positions.GetValueOrDefault(name);
        return new SubmissionColumns(At("period"), At("kpi"), At("value"), At("comment"), At("department"), At("unit"));
    }
}
