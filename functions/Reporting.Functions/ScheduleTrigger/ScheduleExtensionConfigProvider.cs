using Microsoft.Azure.WebJobs.Description;
using Microsoft.Azure.WebJobs.Host.Config;

namespace Reporting.Functions.ScheduleTrigger;

/// <summary>Registers <see cref="ScheduleTriggerAttribute"/> with the WebJobs host.</summary>
[Extension("Schedules")]
internal sealed class ScheduleExtensionConfigProvider(ScheduleTriggerBindingProvider bindingProvider) : IExtensionConfigProvider
{
    public void Initialize(ExtensionConfigContext context) =>
        context.AddBindingRule<ScheduleTriggerAttribute>().BindToTrigger(bindingProvider);
}
