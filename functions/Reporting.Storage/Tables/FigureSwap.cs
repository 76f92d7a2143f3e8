namespace Reporting.Storage.Tables;

/// <summary>What became of a submission's figures when it tried to take the month.</summary>
public enum FigureSwap
{
    /// <summary>Its figures are now the month's figures.</summary>
    InForce,

    /// <summary>They already were (a retry of the same upload).</summary>
    AlreadyInForce,

    /// <summary>A newer upload (by the storage service's time) holds the month; these figures were stored but are not shown.</summary>
    Superseded,
}
