using System.Reflection;
using Microsoft.Azure.WebJobs.Host.Triggers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Application;
using Reporting.Storage.Blobs;
using Reporting.Storage.Receipts;

namespace Reporting.Functions.SubmissionBlobTrigger;

internal sealed class SubmissionBlobTriggerBindingProvider(
    SubmissionBlobs blobs,
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

        var listenerLogger = loggerFactory.CreateLogger<SubmissionBlobListener>();
        return Task.FromResult<ITriggerBinding?>(
            new SubmissionBlobTriggerBinding(parameter, executor => new SubmissionBlobListener(blobs, receipts, poisonHandler, executor, options.Value, clock, listenerLogger)));
    }
}
