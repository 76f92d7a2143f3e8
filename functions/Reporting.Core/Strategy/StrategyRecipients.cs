namespace Reporting.Core.Strategy;

/// <summary>
/// Who receives mail besides the departments' owners: <see cref="Leadership"/> gets the leadership pack after every
/// render; <see cref="Admins"/> get the "missing" notices the day after the deadline. Kept in the strategy file so the
/// address book is versioned with the departments it serves, and checked by <c>strategy validate</c>.
/// </summary>
public sealed record StrategyRecipients(IReadOnlyList<string> Leadership, IReadOnlyList<string> Admins)
{
    public static StrategyRecipients None { get; } = new([], []);
}
