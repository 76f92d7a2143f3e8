using Microsoft.Extensions.Logging;
using Reporting.Storage.Queues;

namespace Reporting.Application.Uploads;

/// <summary>
/// What the Poison function does with a message the platform gave up on (taken host.json <c>maxDequeueCount</c> times
/// without success): every upload it names that has no answer yet is answered "could not be processed; the administrators
/// were told", recorded as poisoned (so <c>reporting status</c> shows it), and logged as an error, which is what tells them.
/// </summary>
public sealed partial class PoisonedEvents(SubmissionEvents events, SubmissionIngestion ingestion, ILogger<PoisonedEvents> logger)
{
    public const string Answer = "the upload could not be processed; the administrators were told";

    public async Task HandleAsync(string message, CancellationToken cancellationToken)
    {
        var batch = BlobEventReader.Read(message);
        if (batch.Malformed is { } reason)
        {
            LogMalformed(logger, reason);
            return;
        }

        foreach (var created in batch.Created)
        {
            if (await events.FindUnansweredAsync(created, cancellationToken) is { } upload)
            {
                LogPoisoned(logger, upload.Department, upload.BlobName);
                await ingestion.HandleAsync(upload, attempts: 0, Answer, cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A poisoned upload event cannot be read and was removed: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Department}/{BlobName} could not be processed: its event ran out of attempts (host.json maxDequeueCount); the department is told, and the errors before this line say why")]
    private static partial void LogPoisoned(ILogger logger, string department, string blobName);
}
