namespace Reporting.Storage.Leases;

/// <summary>What came of renewing a lease: still ours, or gone (expired and taken by another, or the blob deleted).</summary>
public enum LeaseRenewal
{
    Renewed,
    Lost,
}
