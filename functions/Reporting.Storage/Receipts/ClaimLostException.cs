namespace Reporting.Storage.Receipts;

/// <summary>Another host took over the upload while this one worked on it; this one stops without publishing.</summary>
public sealed class ClaimLostException(string container, string blobName)
    : Exception($"{container}/{blobName}: another host took over the claim; this host stopped before publishing anything");
