using Microsoft.Azure.WebJobs;
using Reporting.Application;
using Reporting.Functions.SubmissionBlobTrigger;
using Reporting.Storage.Blobs;

namespace Reporting.Functions.Functions;

/// <summary>Runs for each new version of a file in a department's submission container.</summary>
public sealed class IngestSubmission(SubmissionIngestion ingestion)
{
    [FunctionName(nameof(IngestSubmission))]
    public Task RunAsync([SubmissionBlobTrigger] SubmissionUpload upload, CancellationToken cancellationToken) =>
        ingestion.IngestAsync(upload, cancellationToken);
}
