namespace Reporting.Storage;

/// <summary>
/// Where everything lives in the storage account. The connection string comes from
/// <c>AzureWebJobsStorage</c> (the same setting the WebJobs host uses); the local emulator is the default.
/// </summary>
public sealed class StorageOptions
{
    public const string DevelopmentConnection = "UseDevelopmentStorage=true";

    public string ConnectionString { get; set; } = DevelopmentConnection;

    /// <summary>Each department uploads into its own container, <c>&lt;prefix&gt;&lt;department-id&gt;</c>.</summary>
    public string SubmissionContainerPrefix { get; set; } = "submissions-";

    public string ScorecardContainer { get; set; } = "scorecards";

    public string ConfigContainer { get; set; } = "config";

    public string FigureTable { get; set; } = "kpifigures";

    public string SubmissionTable { get; set; } = "submissions";

    public string ReceiptTable { get; set; } = "blobreceipts";

    public string RunTable { get; set; } = "scorecardruns";
}
