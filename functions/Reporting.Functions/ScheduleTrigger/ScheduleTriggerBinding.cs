using System.Reflection;
using Microsoft.Azure.WebJobs.Host.Bindings;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Azure.WebJobs.Host.Listeners;
using Microsoft.Azure.WebJobs.Host.Protocols;
using Microsoft.Azure.WebJobs.Host.Triggers;

namespace Reporting.Functions.ScheduleTrigger;

// Hands a ScheduleInfo to the function; a schedule offers no binding data.
internal sealed class ScheduleTriggerBinding(ParameterInfo parameter, Func<ITriggeredFunctionExecutor, IListener> createListener) : ITriggerBinding
{
    public Type TriggerValueType => typeof(ScheduleInfo);

    public IReadOnlyDictionary<string, Type> BindingDataContract { get; } = new Dictionary<string, Type>();

    public Task<ITriggerData> BindAsync(object value, ValueBindingContext context)
    {
        var info = value as ScheduleInfo
            ?? throw new InvalidOperationException($"The trigger value must be a {nameof(ScheduleInfo)}, not {value?.GetType().Name ?? "null"}.");
        return Task.FromResult<ITriggerData>(new TriggerData(new ScheduleValueProvider(info), new Dictionary<string, object>()));
    }

    public Task<IListener> CreateListenerAsync(ListenerFactoryContext context) => Task.FromResult(createListener(context.Executor));

    public ParameterDescriptor ToParameterDescriptor() => new() { Name = parameter.Name };

    private sealed class ScheduleValueProvider(ScheduleInfo info) : IValueProvider
    {
        public Type Type => typeof(ScheduleInfo);

        public Task<object> GetValueAsync() => Task.FromResult<object>(info);

        public string ToInvokeString() => info.IsPastDue ? $"{info.ScheduledUtc:o} (past due)" : info.ScheduledUtc.ToString("o");
    }
}
