using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebJobs.Host.Config;

namespace Reporting.Functions.SubmissionBlobTrigger;

/// <summary>Registers <see cref="SubmissionBlobTriggerAttribute"/> with the WebJobs host.</summary>
[Extension("SubmissionBlobs")]
internal sealed class SubmissionBlobExtensionConfigProvider(SubmissionBlobTriggerBindingProvider bindingProvider) : IExtensionConfigProvider
{
    public void Initialize(ExtensionConfigContext context) =>
        context.AddBindingRule<SubmissionBlobTriggerAttribute>().BindToTrigger(bindingProvider);
}
