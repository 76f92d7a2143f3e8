namespace Reporting.Storage.Tables;

/// <summary>
/// Some or all of one submission's figures for one month (<see cref="FigureChunks"/>): partition = period, row =
/// <c>&lt;department&gt;|&lt;submission&gt;|@&lt;chunk&gt;</c>, so each submission's figures stay apart from every other's
/// and one key range holds them. A department's month is one entity (30,000 characters hold about 800 figures), which
/// Azure serves and stores at the same cost as one figure: a month of 1,000 departments is one page, not fifty.
/// </summary>
public sealed class FigureChunkEntity : TableRow
{
    public string Department { get; set; } = "";
    /// <summary>The <see cref="SubmissionStamp.Key"/> of the submission the figures came from.</summary>
    public string? SubmissionId { get; set; }
    /// <summary>The figures, as <see cref="FigureChunks"/> writes them.</summary>
    public string? Figures { get; set; }
    public int FigureCount { get; set; }

    // Rows written before figures were stored in chunks hold one figure each, in these properties instead of Figures.
    // They are still read (so an upgrade loses nothing), and removed with the rest once a newer submission is in force.
    public string? Kpi { get; set; }
    public double? Value { get; set; }
    public string? Comment { get; set; }

    public static string RowKeyFor(string department, string submissionKey, int chunk) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{department}|{submissionKey}|@{chunk:D5}");

    /// <summary>The first row key of a submission's rows; every one of them sorts from here to <see cref="EndOf"/>.</summary>
    public static string StartOf(string department, string submissionKey) => $"{department}|{submissionKey}|";

    public static string EndOf(string department, string submissionKey) => $"{department}|{submissionKey}}}";
}
