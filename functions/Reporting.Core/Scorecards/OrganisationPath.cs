namespace Reporting.Core.Scorecards;

/// <summary>
/// The organisation's last twelve months, oldest first, ending with the scored one: the answer to "are we closer?".
/// <see cref="Changes"/> are the months where the strategy changed targets (or its version), which the chart marks.
/// </summary>
public sealed record OrganisationPath(IReadOnlyList<PathMonth> Months, IReadOnlyList<PathMarker> Changes)
{
    public static OrganisationPath Empty { get; } = new([], []);
}
