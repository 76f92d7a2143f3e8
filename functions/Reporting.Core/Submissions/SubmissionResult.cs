using Reporting.Core.Periods;

namespace Reporting.Core.Submissions;

/// <summary>
/// The outcome of checking one upload: accepted with its figures, or rejected with every problem.
/// A rejected file carries no figures, so nothing of it can be stored by mistake.
/// </summary>
public sealed record SubmissionResult(Period? Period, IReadOnlyList<KpiFigure> Figures, IReadOnlyList<SubmissionProblem> Problems)
{
    public bool IsAccepted => Problems.Count == 0;

    public static SubmissionResult Rejected(params SubmissionProblem[] problems) => new(null, [], problems);
}
