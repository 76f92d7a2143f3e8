namespace Reporting.Functions.SubmissionBlobTrigger;

/// <summary>How one claimed run of an upload ended, so whoever started it (a scan, a queued event) knows what follows.</summary>
internal enum UploadOutcome
{
    /// <summary>Answered; the receipt says done.</summary>
    Done,

    /// <summary>Out of attempts; answered as poisoned.</summary>
    Poisoned,

    /// <summary>Failed; handed back to be retried after the retry delay.</summary>
    RetryPending,

    /// <summary>Another host took the claim over (this one stalled); that host finishes it.</summary>
    ClaimLost,

    /// <summary>Cut short by a shutdown, handed back without using up an attempt.</summary>
    Abandoned,

    /// <summary>The receipt could not be written; the claim expires and the upload is tried again.</summary>
    ReceiptFailed,
}
