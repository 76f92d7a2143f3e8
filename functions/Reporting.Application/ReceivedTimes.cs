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
        var stored = upload.ReceivedUtc == default ? clock.GetUtcNow() : Finer(upload.ReceivedUtc, upload.EventTime);
        return options.Value.TrustDeclaredReceivedTime && upload.DeclaredReceivedUtc is { } declared && declared < stored
            ? declared
            : stored;
    }

    /// <summary>
    /// Last-Modified has whole seconds (the version id, where versioning is on, has 100 ns and is taken already). Event Grid's
    /// eventTime for the same version has 100 ns too: within the same second it orders two uploads that second would tie.
    /// </summary>
    private static DateTimeOffset Finer(DateTimeOffset stored, DateTimeOffset? eventTime) =>
        eventTime is { } precise && stored.UtcTicks % TimeSpan.TicksPerSecond == 0
        && precise.UtcTicks - precise.UtcTicks % TimeSpan.TicksPerSecond == stored.UtcTicks
            ? precise
            : stored;
}
