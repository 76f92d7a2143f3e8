using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reporting.Delivery.Sending;

namespace Reporting.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Mail settings from <c>Mail:*</c> and the SMTP sender; a test may register its own <see cref="IMailSender"/> first.</summary>
    public static IServiceCollection AddReportingMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section)
            .Validate(o => o.UpdateInterval >= TimeSpan.Zero, "Mail:UpdateInterval must be zero (mail every version as it comes) or positive, for example 1.00:00:00 for a day");
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        return services;
    }
}
