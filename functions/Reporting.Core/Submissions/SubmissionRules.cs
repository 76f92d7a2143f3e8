using Reporting.Core.Periods;

namespace Reporting.Core.Submissions;

/// <summary>Limits applied to every upload; configurable because organisations differ (app settings <c>submissions:*</c>).</summary>
public sealed record SubmissionRules
{
    public long MaxBytes { get; init; } = 5 * 1024 * 1024;

    public int MaxRows { get; init; } = 10_000;

    /// <summary>
    /// How many rows with nothing in them a file may have, counted apart from <see cref="MaxRows"/> (which counts
    /// figures): empty rows cost reading too, and a file of millions of them is not a submission.
    /// </summary>
    public int MaxBlankRows { get; init; } = 10_000;

    /// <summary>
    /// How many columns the header may have, counted from the start of the line (a sheet's column A): the template has
    /// eight. Cells past the header's last column are never read beyond the first one that holds something.
    /// </summary>
    public int MaxColumns { get; init; } = 64;

    /// <summary>The most characters a cell may hold: Excel's own limit, for CSV too.</summary>
    public int MaxCellCharacters { get; init; } = 32_767;

    /// <summary>
    /// How far an .xlsx upload may unpack, all its parts together, in bytes: a workbook is a zip, so its size on upload
    /// (<see cref="MaxBytes"/>) says little about what it expands to. Checked before any of it is parsed.
    /// </summary>
    public long MaxUnzippedBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>How many strings a workbook's shared-string table may hold: far more than a month's figures and comments need.</summary>
    public int MaxSharedStrings { get; init; } = 100_000;

    /// <summary>How many problems are listed before the report stops adding more.</summary>
    public int MaxProblems { get; init; } = 100;

    /// <summary>The longest comment accepted, in characters (table storage holds at most 32K per value).</summary>
    public int MaxCommentLength { get; init; } = 2000;

    /// <summary>
    /// How much of a cell the readers keep: enough for the longest comment allowed and a quoted value; of a longer cell
    /// only its start and its length are kept, since no check needs more.
    /// </summary>
    public int KeptCellCharacters => Math.Max(MaxCommentLength, SubmissionProblem.MaxValueLength) + 1;

    /// <summary>How many months back a period may be submitted or corrected.</summary>
    public int MaxAgeMonths { get; init; } = 24;

    /// <summary>The month in progress, from the caller's clock; later periods are refused. Null skips the check.</summary>
    public Period? CurrentPeriod { get; init; }
}
