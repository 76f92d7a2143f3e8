namespace Reporting.Storage.Tables;

/// <summary>
/// One stored figure. Partitioned by period so a scorecard's twelve months load as one range query;
/// the row key <c>&lt;department&gt;|&lt;kpi&gt;</c> keeps a department's figures together inside the month.
/// </summary>
public sealed class KpiFigureEntity : TableRow
{
    public string Department { get; set; } = "";
    public string Kpi { get; set; } = "";
    public double Value { get; set; }
    public string? Comment { get; set; }
    public string? SubmissionId { get; set; }

    public static string RowKeyFor(string department, string kpi) => $"{department}|{kpi}";
}
