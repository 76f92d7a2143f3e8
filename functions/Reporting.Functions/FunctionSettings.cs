namespace Reporting.Functions;

/// <summary>
/// The app settings the triggers name as <c>%Setting%</c>: resolved by the Functions host from the app's settings (infra/
/// sets them; local.settings.json for Core Tools), and by the local runner from its configuration, with its own defaults.
/// Flat names, because app settings on Linux cannot hold a colon.
/// </summary>
public static class FunctionSettings
{
    /// <summary>The queue Event Grid delivers the submission containers' <c>BlobCreated</c> events to.</summary>
    public const string EventQueue = "SubmissionEventQueue";

    /// <summary>The safety net's schedule: hourly in Azure, every second or two on the local runner.</summary>
    public const string SafetyNetSchedule = "SafetyNetSchedule";

    /// <summary>How often the monthly run asks whether a month is due or stale (UTC).</summary>
    public const string MonthlyCheckSchedule = "MonthlyCheckSchedule";

    /// <summary>The daily deadline mail (reminders, missing notices), UTC.</summary>
    public const string ReminderSchedule = "ReminderSchedule";

    /// <summary>The retry of mail the relay did not take, UTC.</summary>
    public const string MailRetrySchedule = "MailRetrySchedule";

    /// <summary>The upload pages' refresh, UTC.</summary>
    public const string PageRefreshSchedule = "PageRefreshSchedule";

    /// <summary>The storage connection every trigger uses (a connection string, or <c>AzureWebJobsStorage__*</c> with an identity).</summary>
    public const string Connection = "AzureWebJobsStorage";

    /// <summary>The values in Azure (infra/main.bicep sets the same) and in local.settings.example.json.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        [EventQueue] = "submission-events",
        [SafetyNetSchedule] = "0 0 * * * *",
        [MonthlyCheckSchedule] = "0 */10 * * * *",
        [ReminderSchedule] = "0 0 8 * * *",
        [MailRetrySchedule] = "0 */5 * * * *",
        [PageRefreshSchedule] = "0 */10 * * * *",
    };
}
