namespace Reporting.Storage.Tables;

/// <summary>
/// One stored figure of one submission. Partitioned by period so a scorecard's months load as one query each; the row key
/// <c>&lt;department&gt;|&lt;submission&gt;|&lt;kpi&gt;</c> keeps each submission's figures apart, so a newer one never mixes with an older one.
/// </summary>
public sealed class KpiFigureEntity : TableRow
{
    public string Department { get; set; } = "";
    public string Kpi { get; set; } = "";
    public double Value { get; set; }
    public string? Comment { get; set; }
    /// <summary>The <see cref="SubmissionStamp.Key"/> of the submission the figure came from.</summary>
    public string? SubmissionId { get; set; }

    public static string RowKeyFor(string department, string submissionKey, string kpi) => $"{department}|{submissionKey}|{kpi}";
}
