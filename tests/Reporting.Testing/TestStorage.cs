using Microsoft.Extensions.Options;
using Reporting.Storage;

namespace Reporting.Testing;

/// <summary>A storage account on the fixture's Azurite with names unique to one test, so tests never see each other's data.</summary>
public static class TestStorage
{
    public static ReportingStorageAccount Account(AzuriteFixture azurite, string? prefix = null)
    {
        var unique = prefix ?? "t" + Guid.NewGuid().ToString("N")[..8];
        return new ReportingStorageAccount(Options.Create(new StorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            SubmissionContainerPrefix = $"{unique}-sub-",
            ScorecardContainer = $"{unique}-scorecards",
            ConfigContainer = $"{unique}-config",
            FigureTable = $"{unique}figures",
            SubmissionTable = $"{unique}submissions",
            ReceiptTable = $"{unique}receipts",
            RunTable = $"{unique}runs",
        }));
    }

    /// <summary>The same names as configuration keys, for tests that build the real host.</summary>
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
    };
}
