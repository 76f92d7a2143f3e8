using Microsoft.Azure.Functions.Worker;
using Reporting.Application.Uploads;

namespace Reporting.Functions;

/// <summary>The safety net: uploads without an answer (an event missed, or Azurite, which sends none) go on the events queue.</summary>
public sealed class EnqueueUnansweredUploads(UploadSafetyNet safetyNet)
{
    [Function(nameof(EnqueueUnansweredUploads))]
    public Task RunAsync([TimerTrigger("%" + FunctionSettings.SafetyNetSchedule + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        safetyNet.EnqueueUnansweredAsync(cancellationToken);
}
