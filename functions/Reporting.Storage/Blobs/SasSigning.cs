namespace Reporting.Storage.Blobs;

/// <summary>How an upload link is signed, which decides how long it may live and how it is revoked.</summary>
public enum SasSigning
{
    /// <summary>Signed with the account key (connection strings, Azurite): revoked only by rotating the key.</summary>
    AccountKey,

    /// <summary>Signed with a user delegation key from Microsoft Entra ID (identity-based hosts): at most 7 days, revocable without touching keys.</summary>
    UserDelegation,
}
