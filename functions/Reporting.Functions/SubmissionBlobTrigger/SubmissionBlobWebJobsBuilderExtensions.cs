using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;

namespace Reporting.Functions.SubmissionBlobTrigger;

public static class SubmissionBlobWebJobsBuilderExtensions
{
    /// <summary>Adds our blob trigger, <see cref="SubmissionBlobTriggerAttribute"/>, configured from host.json <c>extensions.submissionBlobs</c>.</summary>
    public static IWebJobsBuilder AddSubmissionBlobTrigger(this IWebJobsBuilder builder)
    {
        builder.AddExtension<SubmissionBlobExtensionConfigProvider>();
        builder.Services.AddOptions<SubmissionBlobTriggerOptions>().BindConfiguration(SubmissionBlobTriggerOptions.Section);
        builder.Services.AddSingleton<SubmissionBlobTriggerBindingProvider>();
        return builder;
    }
}
