namespace Reporting.Storage.Receipts;

/// <summary>
/// Proves, at the moment of a write that others will see, that this host still holds the upload's claim: renewing it
/// succeeds only while no other host has taken it over. A host that lost its claim must not publish anything.
/// </summary>
public interface IClaimFence
{
    /// <summary>Renews the claim; false when another host has taken it.</summary>
    Task<bool> RenewAsync(CancellationToken cancellationToken);
}
