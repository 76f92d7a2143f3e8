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
        services.AddOptions<MonthlyScorecardOptions>().BindConfiguration(MonthlyScorecardOptions.Section);
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
        services.AddSingleton<SubmissionEvents>();
        services.AddSingleton<PoisonedEvents>();
        services.AddOptions<SafetyNetOptions>().BindConfiguration(SafetyNetOptions.Section);
        services.AddSingleton<UploadSafetyNet>();
        services.AddReportingMail();
        services.AddSingleton<MailDispatcher>();
        services.AddSingleton<DeadlineReminders>();
        services.AddSingleton<IScorecardPublishedHandler, ScorecardDelivery>();
        return services;
    }
}
