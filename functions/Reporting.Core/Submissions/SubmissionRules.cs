using Reporting.Core.Periods;

namespace Reporting.Core.Submissions;

/// <summary>Limits applied to every upload; configurable because organisations differ (app settings <c>submissions:*</c>).</summary>
public sealed record SubmissionRules
{
    public long MaxBytes { get; init; } = 5 * 1024 * 1024;

    public int MaxRows { get; init; } = 10_000;

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

    /// <summary>How many months back a period may be submitted or corrected.</summary>
    public int MaxAgeMonths { get; init; } = 24;

    /// <summary>The month in progress, from the caller's clock; later periods are refused. Null skips the check.</summary>
    public Period? CurrentPeriod { get; init; }
}
