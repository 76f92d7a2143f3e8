using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Application.Mail;
using Reporting.Application.Pages;
using Reporting.Application.Uploads;
using Reporting.Core.Submissions;
using Reporting.Delivery;
using Reporting.Pdf;
using Reporting.Storage;
using Reporting.Storage.Leases;

namespace Reporting.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// The pipeline's services and everything under them (clock, storage, leases, PDFs), configured from app settings and
    /// the environment: the same registrations for the Function App (and its local runner) and the CLI.
    /// </summary>
    public static IServiceCollection AddReportingApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReportingClock(configuration);
        services.AddReportingStorage(configuration);
        services.AddReportingLeases();
        services.AddOptions<SubmissionRules>().BindConfiguration("submissions");
        services.AddOptions<PdfOptions>().BindConfiguration("Pdf");
        services.AddOptions<MonthlyScorecardOptions>().BindConfiguration(MonthlyScorecardOptions.Section)
            .Validate(o => o.RerenderInterval >= TimeSpan.Zero, "extensions:monthlyScorecards:rerenderInterval must be zero (at the next check) or positive, for example 01:00:00");
        services.AddSingleton<ScorecardPdfRenderer>();
        services.AddSingleton<StrategySource>();
        services.AddOptions<DepartmentPageOptions>().BindConfiguration(DepartmentPageOptions.Section);
        services.AddSingleton<DepartmentPagePublisher>();
        services.AddSingleton<ISubmissionAcceptedHandler>(provider => provider.GetRequiredService<DepartmentPagePublisher>());
        services.AddOptions<ReceivedTimeOptions>().BindConfiguration(ReceivedTimeOptions.Section);
        services.AddSingleton<ReceivedTimes>();
        services.AddSingleton<SubmissionIngestion>();
        services.AddSingleton<MonthTemplates>();
        services.AddSingleton<IPoisonedUploadHandler>(provider => provider.GetRequiredService<SubmissionIngestion>());
        services.AddSingleton<RenderLock>();
        services.AddSingleton<ScorecardPublisher>();
        services.AddSingleton<MonthlyRun>();
        services.AddOptions<IngestFairnessOptions>().BindConfiguration(IngestFairnessOptions.Section)
            .Validate(o => o.MaxInFlightPerDepartment >= 0, "Ingest:MaxInFlightPerDepartment must be 0 (no limit) or a positive number of uploads")
            .Validate(o => o.DeferDelay > TimeSpan.Zero && o.MaxDeferDelay >= o.DeferDelay, "Ingest:DeferDelay must be positive and Ingest:MaxDeferDelay at least as long (for example 00:00:01 and 00:00:30)")
            .Validate(o => o.MaxDeferDelay <= TimeSpan.FromDays(7), "Ingest:MaxDeferDelay may be at most 7 days (a queue message's longest visibility delay)");
        services.AddSingleton<IngestFairness>();
        services.AddSingleton<SubmissionEvents>();
        services.AddSingleton<PoisonedEvents>();
        services.AddOptions<SafetyNetOptions>().BindConfiguration(SafetyNetOptions.Section)
            .Validate(o => o.MaxRemembered >= 0, "SafetyNet:MaxRemembered must be 0 (remember nothing) or a positive number of upload versions");
        services.AddSingleton<UploadSafetyNet>();
        services.AddReportingMail();
        services.AddSingleton<MailDispatcher>();
        services.AddSingleton<DeadlineReminders>();
        services.AddSingleton<ScorecardDelivery>();
        services.AddSingleton<IScorecardPublishedHandler>(provider => provider.GetRequiredService<ScorecardDelivery>());
        services.AddSingleton<HeldUpdateMail>();
        return services;
    }
}
