using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Core.Wording;
using static Reporting.Delivery.Messages.MailWords;

namespace Reporting.Delivery.Messages;

/// <summary>
/// What the leadership message says, in order: "are we closer?" from the path page's figures, one row per department,
/// the biggest improvements and declines, and the roadmap's milestones due or overdue this month.
/// </summary>
public static class LeadershipMail
{
    public static IReadOnlyList<MailBlock> Blocks(Scorecard scorecard)
    {
        var counts = scorecard.Counts;
        var blocks = new List<MailBlock>
        {
            new MailBlock.Lead(Closer(scorecard)),
            new MailBlock.Paragraph(Invariant($"{Counts(counts)}: {counts.Total} KPIs in {scorecard.Departments.Count} departments, data as of {Date(scorecard.DataAsOf)}.")),
            new MailBlock.Section("Departments"),
            new MailBlock.StatusList(scorecard.Departments.Select(d => Department(scorecard, d)).ToList()),
        };
        Movers(blocks, "Biggest improvements on last month", scorecard.Improvements, "No KPI improved by more than the steady band.");
        Movers(blocks, "Biggest declines on last month", scorecard.Declines, "No KPI declined by more than the steady band.");
        var milestones = Milestones(scorecard);
        blocks.Add(new MailBlock.Section($"Roadmap: due or overdue in {scorecard.Period.DisplayName}"));
        blocks.Add(milestones.Count == 0 ? new MailBlock.Paragraph("No milestone is due or overdue.") : new MailBlock.StatusList(milestones));
        return blocks;
    }

    /// <summary>
    /// "Are we closer? 47% of KPIs on track in October, down from 53% in September (24% in November 2025)": the scored
    /// month, the month before and the first month of the path page, each against the targets in force then. Up or down
    /// is judged on the percentages as printed, so the words never contradict the figures.
    /// </summary>
    public static string Closer(Scorecard scorecard)
    {
        var months = scorecard.OrganisationPath.Months;
        var period = scorecard.Period;
        var now = months.Count > 0 && months[^1].Period == period ? months[^1].Counts : scorecard.Counts;
        var text = $"Are we closer? {Percent(now.ShareOnTrack)} of KPIs on track in {Month(period, period)}";
        if (months.Count >= 2 && months[^1].Period == period)
        {
            var before = months[^2];
            var (thisMonth, lastMonth) = (Percent(now.ShareOnTrack), Percent(before.Counts.ShareOnTrack));
            var change = string.CompareOrdinal(thisMonth, lastMonth) == 0 ? "the same as"
                : now.ShareOnTrack > before.Counts.ShareOnTrack ? "up from" : "down from";
            text += change == "the same as"
                ? $", the same as in {Month(before.Period, period)}"
                : $", {change} {lastMonth} in {Month(before.Period, period)}";
            if (months.Count >= 3)
            {
                text += $" ({Percent(months[0].Counts.ShareOnTrack)} in {Month(months[0].Period, period)})";
            }
        }

        return text;
    }

    private static StatusRow Department(Scorecard scorecard, DepartmentScorecard department)
    {
        var counts = StatusCounts.Of(department.Kpis.Select(k => k.Status));
        var deadline = Date(scorecard.SubmissionDeadline);
        var received = department.ReceivedOn is { } day ? $"received {Date(day)}" : "received";
        var detail = department switch
        {
            { Submitted: false } => Invariant($"missing: no figures received by the deadline, {deadline} ({counts.Total} KPIs)"),
            { IsLate: true } => $"{Counts(counts)}; late: {received}, after the deadline {deadline}",
            _ => Counts(counts),
        };
        return new StatusRow(department.OverallStatus, department.Name, detail);
    }

    private static void Movers(List<MailBlock> blocks, string title, IReadOnlyList<KpiMovement> movers, string none)
    {
        blocks.Add(new MailBlock.Section(title));
        blocks.Add(movers.Count == 0
            ? new MailBlock.Paragraph(none)
            : new MailBlock.StatusList(movers.Select(m => new StatusRow(m.Kpi.Status, $"{m.DepartmentName}: {m.Kpi.Name}",
                $"{FigureFormat.ChangeSize(m.ImprovementPercent)} {StatusWords.TrendWord(m.Kpi.ChangeOnLastMonth)}: {FigureFormat.Value(m.Kpi.PreviousActual, m.Kpi.Unit)} → {FigureFormat.Value(m.Kpi.Actual, m.Kpi.Unit)}")).ToList()));
    }

    // Due this month (done or not) and overdue (not done): what leadership should ask about now.
    private static List<StatusRow> Milestones(Scorecard scorecard) => scorecard.Departments
        .SelectMany(d => d.Kpis.Where(k => k.Milestone is { MonthsUntilDue: 0 } or { IsDone: false, MonthsUntilDue: < 0 }).Select(k => (Department: d.Name, Kpi: k)))
        .OrderBy(m => m.Kpi.Milestone!.Due).ThenBy(m => m.Kpi.Name, StringComparer.Ordinal)
        .Select(m => new StatusRow(m.Kpi.Status, $"{m.Department}: {m.Kpi.Name}", $"due {m.Kpi.Milestone!.Due}, {MilestoneWords.When(m.Kpi.Milestone)}"))
        .ToList();
}
