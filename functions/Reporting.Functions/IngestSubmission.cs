using Microsoft.Azure.Functions.Worker;
using Reporting.Application.Uploads;

namespace Reporting.Functions;

/// <summary>
/// Ingests the uploads a <c>BlobCreated</c> event names (Event Grid, or the safety net). host.json sets the queues'
/// <c>messageEncoding</c> to <c>none</c> on purpose: the text arrives as written, and the reader accepts Event Grid's JSON
/// and Base64 alike. A failure throws; the host retries the message and, after <c>maxDequeueCount</c>, poisons it.
/// </summary>
public sealed class IngestSubmission(SubmissionEvents events)
{
    [Function(nameof(IngestSubmission))]
    public Task RunAsync([QueueTrigger("%" + FunctionSettings.EventQueue + "%", Connection = FunctionSettings.Connection)] string message, CancellationToken cancellationToken) =>
        events.HandleAsync(message, cancellationToken);
}
