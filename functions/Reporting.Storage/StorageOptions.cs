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

    /// <summary>Options whose every container and table name starts with <paramref name="prefix"/>: several independent stores in one account (tests, benchmarks).</summary>
    public static StorageOptions Prefixed(string connectionString, string prefix) => new()
    {
        ConnectionString = connectionString,
        SubmissionContainerPrefix = $"{prefix}-sub-",
        ScorecardContainer = $"{prefix}-scorecards",
        ConfigContainer = $"{prefix}-config",
        FigureTable = $"{prefix}figures",
        SubmissionTable = $"{prefix}submissions",
        ReceiptTable = $"{prefix}receipts",
        RunTable = $"{prefix}runs",
    };

    /// <summary>These options as configuration keys (<c>AzureWebJobsStorage</c>, <c>Storage:*</c>), to configure a host or the CLI the same way.</summary>
    public Dictionary<string, string?> ToSettings() => new()
    {
        ["AzureWebJobsStorage"] = ConnectionString,
        ["Storage:SubmissionContainerPrefix"] = SubmissionContainerPrefix,
        ["Storage:ScorecardContainer"] = ScorecardContainer,
        ["Storage:ConfigContainer"] = ConfigContainer,
        ["Storage:FigureTable"] = FigureTable,
        ["Storage:SubmissionTable"] = SubmissionTable,
        ["Storage:ReceiptTable"] = ReceiptTable,
        ["Storage:RunTable"] = RunTable,
    };
}
