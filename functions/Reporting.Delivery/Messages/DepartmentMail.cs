using System.Globalization;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Wording;
using static Reporting.Delivery.Messages.MailWords;

namespace Reporting.Delivery.Messages;

/// <summary>
/// What a department owner's message says, in order: how the month went, the department's KPIs with what needs
/// attention first (actual, target, status, change on last month), its submission's status, and where to send the
/// month now due.
/// </summary>
public static class DepartmentMail
{
    // Off track, then at risk, then missing: the owner acts on these; on track last. Strategy order within a status.
    private static readonly KpiStatus[] Attention = [KpiStatus.Red, KpiStatus.Amber, KpiStatus.Missing, KpiStatus.Green];

    public static IReadOnlyList<MailBlock> Blocks(Scorecard scorecard, DepartmentScorecard department, UploadInvitation? upload)
    {
        var counts = StatusCounts.Of(department.Kpis.Select(k => k.Status));
        var others = Counts(counts with { Green = 0 });
        var blocks = new List<MailBlock>
        {
            new MailBlock.Lead(Invariant($"{department.Name}, {scorecard.Period.DisplayName}: {counts.Green} of {counts.Total} KPIs on track") + (others.Length > 0 ? $"; {others}." : ".")),
            new MailBlock.Section("Your KPIs, those needing attention first"),
            new MailBlock.StatusList(department.Kpis.OrderBy(k => Array.IndexOf(Attention, k.Status)).Select(Kpi).ToList()),
            new MailBlock.Section("Submission"),
            new MailBlock.Paragraph(Submission(scorecard, department)),
        };
        if (upload is not null)
        {
            blocks.Add(new MailBlock.Paragraph($"{Next(scorecard, department, upload)} (link valid until {Time(upload.LinkExpires)} UTC):"));
            blocks.Add(new MailBlock.Link($"Open your upload page for {upload.Period.DisplayName}", upload.PageLink));
        }

        return blocks;
    }

    private static StatusRow Kpi(KpiScore kpi)
    {
        var figures = kpi.Actual is null
            ? $"no figure{(kpi.MissingReason is { } reason ? $" ({reason})" : "")}, target {FigureFormat.Target(kpi.Target, kpi.Unit)}"
            : $"actual {FigureFormat.Value(kpi.Actual, kpi.Unit)}, target {FigureFormat.Target(kpi.Target, kpi.Unit)}";
        return new StatusRow(kpi.Status, kpi.Name, figures + Change(kpi));
    }

    // A milestone has no change to show, but its dates say more than "not done".
    private static string Change(KpiScore kpi) => kpi switch
    {
        { Milestone: { } milestone } => $", due {milestone.Due}, {MilestoneWords.When(milestone)}",
        { Actual: null } => "",
        { ChangeOnPreviousMonth: { } change } => $", {FigureFormat.Change(change, kpi.Unit)} on last month" +
                                                 (kpi.ChangeOnLastMonth == Trend.Unknown ? "" : $" ({StatusWords.TrendWord(kpi.ChangeOnLastMonth)})"),
        _ => ", no figure last month to compare",
    };

    private static string Submission(Scorecard scorecard, DepartmentScorecard department)
    {
        var deadline = Deadline(scorecard.SubmissionDeadline, scorecard.TimeZone);
        var received = department.ReceivedOn is { } day ? $"received {Date(day)}" : "received";
        return department switch
        {
            { Submitted: false } => $"Missing: no figures for {scorecard.Period.DisplayName} were accepted by the deadline, {deadline}. Your KPIs show as missing until they arrive.",
            { IsLate: true } => $"Late: {received}, after the deadline, {deadline}.",
            _ => $"On time: {received}; the deadline was {deadline}.",
        };
    }

    // The page asks for the month due now, which is this scorecard's month until the next one has ended.
    private static string Next(Scorecard scorecard, DepartmentScorecard department, UploadInvitation upload)
    {
        var deadline = Deadline(upload.Deadline, upload.ZoneName);
        var month = upload.Period.DisplayName;
        return upload switch
        {
            _ when upload.Period == scorecard.Period && department.Submitted =>
                $"To correct {month}'s figures, upload a corrected file on your department's upload page; the newest upload counts",
            _ when upload.DeadlinePassed && upload.Period == scorecard.Period =>
                $"{month}'s figures were due by {deadline}; a late upload is still taken and the scorecard rendered again. Upload them on your department's upload page",
            _ when upload.DeadlinePassed =>
                $"{month}'s figures were due by {deadline}; a late upload is still taken. Upload them on your department's upload page",
            _ => $"Next: {month}'s figures are due by {deadline}. Upload them on your department's upload page",
        };
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
