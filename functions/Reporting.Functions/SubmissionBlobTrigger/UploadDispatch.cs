namespace Reporting.Functions.SubmissionBlobTrigger;

/// <summary>What came of offering an upload to the dispatcher: handled before, held elsewhere, or the run to wait for.</summary>
internal sealed record UploadDispatch(UploadDispatchKind Kind, Task<UploadOutcome>? Run = null)
{
    public static readonly UploadDispatch Finished = new(UploadDispatchKind.Finished);
    public static readonly UploadDispatch Busy = new(UploadDispatchKind.Busy);
}

internal enum UploadDispatchKind
{
    /// <summary>Handled for good before (done or poisoned).</summary>
    Finished,

    /// <summary>Claimed by another host, or waiting for its retry time.</summary>
    Busy,

    /// <summary>Running on this host (started now, or already running from the scan or another event).</summary>
    Running,
}
