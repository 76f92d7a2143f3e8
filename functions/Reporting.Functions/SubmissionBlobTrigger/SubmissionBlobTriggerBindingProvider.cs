using System.Reflection;
using Microsoft.Azure.WebJobs.Host.Triggers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Application;
using Reporting.Storage;
using Reporting.Storage.Blobs;
using Reporting.Storage.Queues;
using Reporting.Storage.Receipts;

namespace Reporting.Functions.SubmissionBlobTrigger;

internal sealed class SubmissionBlobTriggerBindingProvider(
    ReportingStorageAccount account,
    SubmissionBlobs blobs,
    SubmissionUploadLookup lookup,
    BlobReceiptStore receipts,
    IPoisonedUploadHandler poisonHandler,
    IOptions<SubmissionBlobTriggerOptions> options,
    TimeProvider clock,
    ILoggerFactory loggerFactory) : ITriggerBindingProvider
{
    public Task<ITriggerBinding?> TryCreateAsync(TriggerBindingProviderContext context)
    {
        var parameter = context.Parameter;
        if (parameter.GetCustomAttribute<SubmissionBlobTriggerAttribute>(inherit: false) is null)
        {
            return Task.FromResult<ITriggerBinding?>(null);
        }

        if (parameter.ParameterType != typeof(SubmissionUpload))
        {
            throw new InvalidOperationException(
                $"[SubmissionBlobTrigger] binds to {nameof(SubmissionUpload)}, not {parameter.ParameterType.Name} (parameter '{parameter.Name}').");
        }

        return Task.FromResult<ITriggerBinding?>(new SubmissionBlobTriggerBinding(parameter, CreateListener));
    }

    private SubmissionBlobListener CreateListener(Microsoft.Azure.WebJobs.Host.Executors.ITriggeredFunctionExecutor executor)
    {
        var settings = options.Value;
        var dispatcher = new UploadDispatcher(receipts, poisonHandler, executor, settings, clock, loggerFactory.CreateLogger<SubmissionBlobListener>());
        var events = settings.UsesEvents
            ? new SubmissionEventPump(new SubmissionEventQueue(account, settings.EventQueue!.Trim()), lookup, dispatcher, settings, loggerFactory.CreateLogger<SubmissionEventPump>())
            : null;
        return new SubmissionBlobListener(blobs, dispatcher, events, settings, clock, loggerFactory.CreateLogger<SubmissionBlobListener>());
    }
}
