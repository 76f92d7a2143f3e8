using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Application.Pages;
using Reporting.Core.Scorecards;
using Reporting.Core.Strategy;
using Reporting.Delivery;
using Reporting.Delivery.Messages;
using Reporting.Storage.Blobs;
using Reporting.Storage.Deliveries;

namespace Reporting.Application.Mail;

/// <summary>
/// Mails each published version: the leadership pack to every address in the strategy's <c>leadership</c> list and each
/// department's PDF to its <c>ownerEmail</c>. A month's later versions go out as "Updated" per <see cref="MailOptions.Updates"/>
/// (by default only when scorecard.json differs from the version last mailed), and at most once per
/// <see cref="MailOptions.UpdateInterval"/> (a day) for a month, whatever the number of versions: one too soon is held,
/// counted in the scorecard index, and the latest is mailed once the interval has passed (<see cref="HeldUpdateMail"/>).
/// Off while <c>Mail:Host</c> is empty. An owner's message carries the department's upload page for the month now due
/// (<see cref="MailOptions.ScorecardUploadLink"/>).
/// </summary>
public sealed partial class ScorecardDelivery(
    StrategySource strategies,
    ScorecardBlobs scorecards,
    ScorecardIndexStore index,
    ScorecardLinks links,
    DepartmentPagePublisher pages,
    DepartmentAccess access,
    MailDispatcher dispatcher,
    IOptions<MailOptions> options,
    TimeProvider clock,
    ILogger<ScorecardDelivery> logger) : IScorecardPublishedHandler
{
    public async Task OnPublishedAsync(Scorecard scorecard, int version, IReadOnlyList<string> fileNames, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var period = scorecard.Period.ToString();
        if (!settings.Enabled)
        {
            LogMailOff(logger, period, version);
            return;
        }

        var update = version > 1;
        if (update && !await ShouldSendUpdateAsync(scorecard, version, cancellationToken))
        {
            LogNoUpdate(logger, period, version, settings.Updates.ToString());
            return;
        }

        // One mail decision per month across hosts: a first scorecard always goes (and starts the interval); an update only
        // once the interval since the last mail has passed.
        var claim = await index.ClaimMailAsync(scorecard.Period, version, clock.GetUtcNow(), update ? settings.UpdateInterval : TimeSpan.Zero, cancellationToken);
        if (!claim.Claimed)
        {
            if (claim.NextUtc is { } next)
            {
                LogUpdateHeld(logger, period, version, next);
            }

            return;
        }

        var strategy = await strategies.GetAsync(cancellationToken);
        var kind = update ? DeliveryKind.Update : DeliveryKind.Scorecard;
        var messages = strategy.Mail.Leadership.Select(to => (Department: (DepartmentScorecard?)null, To: to, File: ScorecardPublisher.LeadershipPack))
            .Concat(scorecard.Departments
                .Select(d => (Department: (DepartmentScorecard?)d, To: strategy.FindDepartment(d.Id)?.OwnerEmail, File: $"{d.Id}.pdf"))
                .Where(m => !string.IsNullOrEmpty(m.To))
                .Select(m => (m.Department, To: m.To!, m.File)));
        (string Name, ScorecardDocument Document)? last = null; // the leadership pack goes to several people in a row: read once
        foreach (var (department, to, file) in messages)
        {
            try
            {
                var document = last is { } same && same.Name == file ? same.Document : await DocumentAsync(scorecard, version, file, cancellationToken);
                last = (file, document);
                var upload = department is null ? null : await UploadAsync(strategy, department.Id, cancellationToken);
                var mail = ScorecardMailComposer.Compose(scorecard, department, to, document, update, upload);
                await dispatcher.SendOnceAsync(new DeliveryKey(period, kind, version, Path.GetFileNameWithoutExtension(file), to), mail, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage trouble for one message (the log, a link) must not stop the others; it is in the host's log.
                LogMessageFailed(logger, ex, period, version, to);
            }
        }
    }

    // Read from the version's folder for each message: a run never holds all its files, and each message attaches its own.
    private async Task<ScorecardDocument> DocumentAsync(Scorecard scorecard, int version, string fileName, CancellationToken cancellationToken)
    {
        var content = await scorecards.ReadVersionAsync(scorecard.Period, version, fileName, cancellationToken);
        if (content.LongLength <= options.Value.MaxAttachmentBytes)
        {
            return ScorecardDocument.Attached(fileName, content);
        }

        var (link, expires) = await links.GrantReadAsync(scorecard.Period, version, fileName, options.Value.LinkValidity, cancellationToken);
        return ScorecardDocument.Linked(fileName, link, expires);
    }

    // The month due now, not the scored one: by the time a scorecard goes out, the page may already ask for the next month.
    // Without a link the message still goes: a storage hiccup here must not cost the owner the scorecard.
    private async Task<UploadInvitation?> UploadAsync(EngagementStrategy strategy, string departmentId, CancellationToken cancellationToken)
    {
        if (!options.Value.ScorecardUploadLink)
        {
            return null;
        }

        try
        {
            var validity = options.Value.UploadLinkValidity > access.MaxValidity ? access.MaxValidity : options.Value.UploadLinkValidity;
            var grant = await pages.GrantAsync(departmentId, validity, cancellationToken);
            var due = DueMonth.On(clock.GetUtcNow(), strategy);
            return new UploadInvitation(due.Period, due.Deadline, due.DeadlinePassed, due.ZoneName, grant.PageUrl, grant.ExpiresUtc);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNoUploadLink(logger, ex, departmentId);
            return null;
        }
    }

    // "Figures changed" is judged on scorecard.json, which holds every figure, target and status of the version, against
    // the version last mailed: what the recipients have. A version back to those figures clears the updates held.
    private async Task<bool> ShouldSendUpdateAsync(Scorecard scorecard, int version, CancellationToken cancellationToken)
    {
        switch (options.Value.Updates)
        {
            case UpdateMail.Never:
                return false;
            case UpdateMail.Always:
                return true;
        }

        var entry = (await index.ReadAsync(cancellationToken)).Find(scorecard.Period.ToString());
        var mailed = entry?.MailedVersion is { } known && known < version ? known : version - 1;
        // The version's scorecard.json is these bytes (the publisher stores the same); only the version compared with is read.
        var current = ScorecardJson.ToUtf8(scorecard);
        var previous = await scorecards.ReadVersionAsync(scorecard.Period, mailed, ScorecardPublisher.ScorecardJsonFile, cancellationToken);
        if (!current.AsSpan().SequenceEqual(previous))
        {
            return true;
        }

        if (entry is { HeldUpdates: > 0 } && entry.MailedVersion is not null)
        {
            await index.ClearHeldUpdatesAsync(scorecard.Period, cancellationToken);
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail is off (Mail:Host is not set): scorecards for {Period} version {Version} were not mailed")]
    private static partial void LogMailOff(ILogger logger, string period, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scorecards for {Period} version {Version} were not mailed: figures unchanged since the version last mailed (Mail:Updates = {Updates})")]
    private static partial void LogNoUpdate(ILogger logger, string period, int version, string updates);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scorecards for {Period} version {Version} were not mailed yet: an update went out lately (Mail:UpdateInterval); the latest version goes after {NextUtc:u}")]
    private static partial void LogUpdateHeld(ILogger logger, string period, int version, DateTimeOffset nextUtc);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not grant {Department}'s upload page link; its scorecard message goes without it")]
    private static partial void LogNoUploadLink(ILogger logger, Exception exception, string department);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not mail the scorecards for {Period} version {Version} to {Recipient}")]
    private static partial void LogMessageFailed(ILogger logger, Exception exception, string period, int version, string recipient);
}
