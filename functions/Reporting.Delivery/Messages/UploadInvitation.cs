using Reporting.Core.Periods;

namespace Reporting.Delivery.Messages;

/// <summary>
/// The month a department's upload page asks for now, and the link to that page, for its owner's scorecard message:
/// the scorecard says how the month went, this says what to send next. <see cref="Deadline"/> is a day in
/// <see cref="ZoneName"/>, the organisation's zone; <see cref="DeadlinePassed"/> when an upload now is late (still taken).
/// </summary>
public sealed record UploadInvitation(Period Period, DateOnly Deadline, bool DeadlinePassed, string ZoneName, Uri PageLink, DateTimeOffset LinkExpires);
