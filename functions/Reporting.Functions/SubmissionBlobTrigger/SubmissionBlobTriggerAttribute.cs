using Microsoft.Azure.WebJobs.Description;

namespace Reporting.Functions.SubmissionBlobTrigger;

/// <summary>
/// Runs the function once for every new version of a file uploaded to a department's submission container.
/// The parameter must be a <see cref="Reporting.Storage.Blobs.SubmissionUpload"/>. Settings: host.json, <c>extensions.submissionBlobs</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
[Binding]
public sealed class SubmissionBlobTriggerAttribute : Attribute;
