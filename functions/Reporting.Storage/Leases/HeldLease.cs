namespace Reporting.Storage.Leases;

/// <summary>A lease this process holds on a lock blob: what it needs to renew and release it.</summary>
public sealed record HeldLease(string Name, string LeaseId, TimeSpan Duration);
