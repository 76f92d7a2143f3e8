using Microsoft.Extensions.Options;
using Reporting.Storage.Blobs;

namespace Reporting.Application;

/// <summary>
/// When an upload counts as received: for lateness, for the history, and for which upload of a month is newest (the
/// figure swap compares stamps made from this time). The storage service's own time for the version, unless the host
/// trusts declared times (<see cref="ReceivedTimeOptions"/>) and the uploader declared an earlier one. A declared time
/// later than the storage service's is never taken, so a declaration can move an upload back in time but never ahead
/// of an upload that storage received after it.
/// </summary>
public sealed class ReceivedTimes(IOptions<ReceivedTimeOptions> options, TimeProvider clock)
{
    public DateTimeOffset Of(SubmissionUpload upload)
    {
        // The clock only for versions listed without a time (the same on every host and retry otherwise).
        var stored = upload.ReceivedUtc == default ? clock.GetUtcNow() : upload.ReceivedUtc;
        return options.Value.TrustDeclaredReceivedTime && upload.DeclaredReceivedUtc is { } declared && declared < stored
            ? declared
            : stored;
    }
}
