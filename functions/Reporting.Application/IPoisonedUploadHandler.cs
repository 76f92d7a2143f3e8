using Reporting.Storage.Blobs;

namespace Reporting.Application;

/// <summary>Told when an upload failed its last attempt, so the uploader hears of it: nothing is silently dropped.</summary>
public interface IPoisonedUploadHandler
{
    Task HandleAsync(SubmissionUpload upload, int attempts, string error, CancellationToken cancellationToken);
}
