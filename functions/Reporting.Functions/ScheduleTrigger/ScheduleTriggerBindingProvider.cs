using System.Reflection;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Triggers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Reporting.Functions.ScheduleTrigger;

internal sealed class ScheduleTriggerBindingProvider(
    IServiceProvider services,
    INameResolver names,
    ScheduleMonitor monitor,
    TimeProvider clock,
    ILoggerFactory loggerFactory) : ITriggerBindingProvider
{
    public Task<ITriggerBinding?> TryCreateAsync(TriggerBindingProviderContext context)
    {
        var parameter = context.Parameter;
        if (parameter.GetCustomAttribute<ScheduleTriggerAttribute>(inherit: false) is not { } attribute)
        {
            return Task.FromResult<ITriggerBinding?>(null);
        }

        if (parameter.ParameterType != typeof(ScheduleInfo))
        {
            throw new InvalidOperationException($"[ScheduleTrigger] binds to {nameof(ScheduleInfo)}, not {parameter.ParameterType.Name} (parameter '{parameter.Name}').");
        }

        var schedule = Schedule(attribute);
        var function = parameter.Member.GetCustomAttribute<FunctionNameAttribute>()?.Name ?? $"{parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}";
        var listenerLogger = loggerFactory.CreateLogger<ScheduleListener>();
        return Task.FromResult<ITriggerBinding?>(
            new ScheduleTriggerBinding(parameter, executor => new ScheduleListener(function, schedule, monitor, executor, clock, listenerLogger)));
    }

    private ISchedule Schedule(ScheduleTriggerAttribute attribute) => attribute.ScheduleType switch
    {
        { } type when typeof(ISchedule).IsAssignableFrom(type) => (ISchedule)ActivatorUtilities.CreateInstance(services, type),
        { } type => throw new InvalidOperationException($"[ScheduleTrigger] schedule type {type.Name} does not implement {nameof(ISchedule)}."),
        null => CronSchedule.Parse(names.ResolveWholeString(attribute.Expression ?? "")),
    };
}
