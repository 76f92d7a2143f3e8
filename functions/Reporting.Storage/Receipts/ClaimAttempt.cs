namespace Reporting.Storage.Receipts;

/// <summary>What came of trying to claim a blob version: a claim to work under, or why not.</summary>
public sealed record ClaimAttempt(BlobClaim? Claim, bool IsFinished)
{
    public static readonly ClaimAttempt Finished = new(null, true);
    public static readonly ClaimAttempt Busy = new(null, false);
}
