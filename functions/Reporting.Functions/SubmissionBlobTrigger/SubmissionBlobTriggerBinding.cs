using System.Reflection;
using Microsoft.Azure.WebJobs.Host.Bindings;
using Microsoft.Azure.WebJobs.Host.Executors;
using Microsoft.Azure.WebJobs.Host.Listeners;
using Microsoft.Azure.WebJobs.Host.Protocols;
using Microsoft.Azure.WebJobs.Host.Triggers;
using Reporting.Storage.Blobs;

namespace Reporting.Functions.SubmissionBlobTrigger;

// Hands a SubmissionUpload to the function, and offers Department, BlobName and ETag as binding data.
internal sealed class SubmissionBlobTriggerBinding(ParameterInfo parameter, Func<ITriggeredFunctionExecutor, IListener> createListener) : ITriggerBinding
{
    public Type TriggerValueType => typeof(SubmissionUpload);

    public IReadOnlyDictionary<string, Type> BindingDataContract { get; } = new Dictionary<string, Type>
    {
        ["Department"] = typeof(string),
        ["BlobName"] = typeof(string),
        ["ETag"] = typeof(string),
    };

    public Task<ITriggerData> BindAsync(object value, ValueBindingContext context)
    {
        var upload = value as SubmissionUpload
            ?? throw new InvalidOperationException($"The trigger value must be a {nameof(SubmissionUpload)}, not {value?.GetType().Name ?? "null"}.");
        var bindingData = new Dictionary<string, object>
        {
            ["Department"] = upload.Department,
            ["BlobName"] = upload.BlobName,
            ["ETag"] = upload.ETag,
        };
        return Task.FromResult<ITriggerData>(new TriggerData(new UploadValueProvider(upload), bindingData));
    }

    public Task<IListener> CreateListenerAsync(ListenerFactoryContext context) => Task.FromResult(createListener(context.Executor));

    public ParameterDescriptor ToParameterDescriptor() => new() { Name = parameter.Name };

    private sealed class UploadValueProvider(SubmissionUpload upload) : IValueProvider
    {
        public Type Type => typeof(SubmissionUpload);

        public Task<object> GetValueAsync() => Task.FromResult<object>(upload);

        public string ToInvokeString() => $"{upload.Container}/{upload.BlobName} ({upload.ETag})";
    }
}
