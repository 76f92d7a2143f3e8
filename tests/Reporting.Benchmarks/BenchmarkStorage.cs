using Microsoft.Extensions.Options;
using Reporting.Storage;

namespace Reporting.Benchmarks;

// Storage names unique to one scenario on the shared emulator, and the same names as host settings.
internal static class BenchmarkStorage
{
    public static ReportingStorageAccount Account(string connection, string scenario) =>
        new(Options.Create(new StorageOptions
        {
            ConnectionString = connection,
            SubmissionContainerPrefix = $"{scenario}-sub-",
            ScorecardContainer = $"{scenario}-scorecards",
            ConfigContainer = $"{scenario}-config",
            FigureTable = $"{scenario}figures",
            SubmissionTable = $"{scenario}submissions",
            ReceiptTable = $"{scenario}receipts",
            RunTable = $"{scenario}runs",
        }));

    public static Dictionary<string, string?> Settings(ReportingStorageAccount account) => new()
    {
        ["AzureWebJobsStorage"] = account.Options.ConnectionString,
        ["Storage:SubmissionContainerPrefix"] = account.Options.SubmissionContainerPrefix,
        ["Storage:ScorecardContainer"] = account.Options.ScorecardContainer,
        ["Storage:ConfigContainer"] = account.Options.ConfigContainer,
        ["Storage:FigureTable"] = account.Options.FigureTable,
        ["Storage:SubmissionTable"] = account.Options.SubmissionTable,
        ["Storage:ReceiptTable"] = account.Options.ReceiptTable,
        ["Storage:RunTable"] = account.Options.RunTable,
        ["logging:logLevel:default"] = "Warning",
        ["logging:logLevel:Reporting"] = "Warning",
    };
}
