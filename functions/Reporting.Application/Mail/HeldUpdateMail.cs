using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Delivery;
using Reporting.Storage.Blobs;

namespace Reporting.Application.Mail;

/// <summary>
/// The trailing half of "at most one update a day": a month whose updates were held (<see cref="MailOptions.UpdateInterval"/>)
/// gets its latest version mailed once the interval has passed, even if no render comes after. Its scorecard is scored
/// again, not kept: if that gives the latest version's scorecard.json byte for byte, the version is mailed as it is;
/// otherwise (the strategy changed since) the month is rendered again, and the new version is mailed. A month still stale
/// waits for its re-render, which mails it.
/// </summary>
public sealed partial class HeldUpdateMail(
    ScorecardIndexStore index,
    ScorecardPublisher publisher,
    ScorecardDelivery delivery,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<HeldUpdateMail> logger)
{
    /// <summary>Mails the held updates that are due; returns the months mailed (or rendered again to be mailed).</summary>
    public async Task<IReadOnlyList<Period>> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = new List<Period>();
        if (!options.Value.Enabled || options.Value.Updates == UpdateMail.Never)
        {
            return sent;
        }

        var now = clock.GetUtcNow();
        var due = (await index.ReadAsync(cancellationToken)).Periods
            .Where(p => p is { HeldUpdates: > 0, Stale: false } && (p.MailedUtc ?? DateTimeOffset.MinValue) + options.Value.UpdateInterval <= now);
        foreach (var entry in due)
        {
            var period = Period.Parse(entry.Period);
            if (await publisher.RescoreLatestAsync(period, cancellationToken) is { } latest)
            {
                var files = entry.Versions.FirstOrDefault(v => v.Version == latest.Version)?.Files ?? [];
                await delivery.OnPublishedAsync(latest.Scorecard, latest.Version, files, cancellationToken);
            }
            else
            {
                LogRenderingForMail(logger, entry.Period);
                await publisher.PublishAsync(period, "held update", cancellationToken);
            }

            sent.Add(period);
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The held update of {Period} no longer scores as its latest version (the strategy changed); rendering it again to mail it")]
    private static partial void LogRenderingForMail(ILogger logger, string period);
}
