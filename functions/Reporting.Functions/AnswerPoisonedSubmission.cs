using Microsoft.Azure.Functions.Worker;
using Reporting.Application.Uploads;

namespace Reporting.Functions;

/// <summary>The host moved an event here after its last attempt: the department is answered, never left waiting.</summary>
public sealed class AnswerPoisonedSubmission(PoisonedEvents poisoned)
{
    [Function(nameof(AnswerPoisonedSubmission))]
    public Task RunAsync([QueueTrigger("%" + FunctionSettings.EventQueue + "%-poison", Connection = FunctionSettings.Connection)] string message, CancellationToken cancellationToken) =>
        poisoned.HandleAsync(message, cancellationToken);
}
