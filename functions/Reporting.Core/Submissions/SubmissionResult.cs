using Reporting.Core.Periods;

namespace Reporting.Core.Submissions;

/// <summary>
/// The outcome of checking one upload: accepted with its figures, or rejected with every problem.
/// A rejected file carries no figures, so nothing of it can be stored by mistake.
/// </summary>
public sealed record SubmissionResult(Period? Period, IReadOnlyList<KpiFigure> Figures, IReadOnlyList<SubmissionProblem> Problems)
{
    public bool IsAccepted => Problems.Count == 0;

    /// <summary>
    /// What the reader assumed and the uploader should know, without it being a problem: the encoding a CSV without a
    /// byte-order mark was read in, the sheet a workbook was read from, the decimal mark a semicolon file used.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>How many problems were found past <see cref="SubmissionRules.MaxProblems"/> and are only counted, in the last problem's words.</summary>
    public int UnlistedProblems { get; init; }

    public static SubmissionResult Rejected(params SubmissionProblem[] problems) => new(null, [], problems);
}
