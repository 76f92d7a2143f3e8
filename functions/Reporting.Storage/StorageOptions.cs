using Reporting.Storage.Connection;

namespace Reporting.Storage;

/// <summary>
/// Where everything lives in the storage account. The connection string comes from
/// <c>AzureWebJobsStorage</c> (the same setting the Functions host uses); the local emulator is the default.
/// </summary>
public sealed class StorageOptions
{
    public const string DevelopmentConnection = "UseDevelopmentStorage=true";

    /// <summary>The app setting that names the events queue (see <see cref="EventQueue"/>).</summary>
    public const string EventQueueSetting = "SubmissionEventQueue";

    /// <summary>The connection: a connection string or an identity-based one (see <see cref="StorageConnectionReader"/>).</summary>
    public StorageConnection Connection { get; set; } = StorageConnection.FromConnectionString(DevelopmentConnection);

    /// <summary>The connection string, for connections that have one (Azurite, development); setting it replaces <see cref="Connection"/>.</summary>
    public string ConnectionString
    {
        get => Connection.ConnectionString ?? "";
        set => Connection = StorageConnection.FromConnectionString(value);
    }

    /// <summary>
    /// Checks every request against Azure Storage's documented limits before it is sent and refuses those Azure would refuse,
    /// even where the emulator would accept them (see <c>AzureRules</c>). Unset (the default): on against the emulator,
    /// which would otherwise let such requests through unnoticed, and off against Azure, which refuses them itself (the
    /// checks would only cost CPU: about a tenth of a large upload's time on a two-core machine that also runs the emulator).
    /// </summary>
    public bool? EnforceAzureRules { get; set; }

    /// <summary>Whether the checks run for this connection (see <see cref="EnforceAzureRules"/>).</summary>
    public bool EnforcesAzureRules => EnforceAzureRules ?? Connection.IsEmulator;

    /// <summary>Each department uploads into its own container, <c>&lt;prefix&gt;&lt;department-id&gt;</c>.</summary>
    public string SubmissionContainerPrefix { get; set; } = "submissions-";

    /// <summary>
    /// The pipeline's answers to a department's uploads go to <c>&lt;prefix&gt;&lt;department-id&gt;</c>, a container of
    /// their own: the department's link may read it but not write it (a SAS cannot protect a folder inside a container).
    /// </summary>
    public string AnswerContainerPrefix { get; set; } = "answers-";

    public string ScorecardContainer { get; set; } = "scorecards";

    public string ConfigContainer { get; set; } = "config";

    public string FigureTable { get; set; } = "kpifigures";

    public string SubmissionTable { get; set; } = "submissions";

    /// <summary>
    /// The queue Event Grid fills with the submission containers' <c>BlobCreated</c> events and the Ingest function reads;
    /// the Functions host keeps <c>&lt;name&gt;-poison</c> beside it. App setting <c>SubmissionEventQueue</c> (flat, as the
    /// host resolves <c>%SubmissionEventQueue%</c> in the trigger).
    /// </summary>
    public string EventQueue { get; set; } = "submission-events";

    public string RunTable { get; set; } = "scorecardruns";

    /// <summary>The delivery log: every message sent or tried, one row per (period, message, recipient).</summary>
    public string DeliveryTable { get; set; } = "deliveries";

    /// <summary>Messages waiting for a retry.</summary>
    public string OutboxContainer { get; set; } = "outbox";

    /// <summary>Options whose every container and table name starts with <paramref name="prefix"/>: several independent stores in one account (tests, benchmarks).</summary>
    public static StorageOptions Prefixed(string connectionString, string prefix) => new()
    {
        ConnectionString = connectionString,
        SubmissionContainerPrefix = $"{prefix}-sub-",
        AnswerContainerPrefix = $"{prefix}-ans-",
        ScorecardContainer = $"{prefix}-scorecards",
        ConfigContainer = $"{prefix}-config",
        FigureTable = $"{prefix}figures",
        SubmissionTable = $"{prefix}submissions",
        EventQueue = $"{prefix}-events",
        RunTable = $"{prefix}runs",
        DeliveryTable = $"{prefix}deliveries",
        OutboxContainer = $"{prefix}-outbox",
    };

    /// <summary>These options as configuration keys (<c>AzureWebJobsStorage</c>, <c>Storage:*</c>), to configure a host or the CLI the same way.</summary>
    public Dictionary<string, string?> ToSettings() => new()
    {
        ["AzureWebJobsStorage"] = Connection.ConnectionString,
        ["AzureWebJobsStorage:blobServiceUri"] = Connection.ConnectionString is null ? Connection.BlobServiceUri?.ToString() : null,
        ["AzureWebJobsStorage:tableServiceUri"] = Connection.ConnectionString is null ? Connection.TableServiceUri?.ToString() : null,
        ["AzureWebJobsStorage:queueServiceUri"] = Connection.ConnectionString is null ? Connection.QueueServiceUri?.ToString() : null,
        ["AzureWebJobsStorage:clientId"] = Connection.ClientId,
        ["Storage:EnforceAzureRules"] = EnforceAzureRules is { } enforce ? (enforce ? "true" : "false") : null,
        ["Storage:SubmissionContainerPrefix"] = SubmissionContainerPrefix,
        ["Storage:AnswerContainerPrefix"] = AnswerContainerPrefix,
        ["Storage:ScorecardContainer"] = ScorecardContainer,
        ["Storage:ConfigContainer"] = ConfigContainer,
        ["Storage:FigureTable"] = FigureTable,
        ["Storage:SubmissionTable"] = SubmissionTable,
        [EventQueueSetting] = EventQueue,
        ["Storage:RunTable"] = RunTable,
        ["Storage:DeliveryTable"] = DeliveryTable,
        ["Storage:OutboxContainer"] = OutboxContainer,
    };
}
