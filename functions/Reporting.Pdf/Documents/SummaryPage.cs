using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using Reporting.Core.Scorecards;
using Reporting.Core.Scoring;
using Reporting.Pdf.Components;
using Reporting.Pdf.Layout;

namespace Reporting.Pdf.Documents;

/// <summary>The leadership pack's first page: counts by status, share on track, every department's status, missing submissions, movers.</summary>
public static class SummaryPage
{
    private static readonly KpiStatus[] Statuses = [KpiStatus.Green, KpiStatus.Amber, KpiStatus.Red, KpiStatus.Missing];

    public static void Compose(PdfBuilder pdf, Scorecard scorecard)
    {
        pdf.NewPage();
        ComposeHeader(pdf, scorecard);
        ComposeCounts(pdf, scorecard.Counts);
        DepartmentList.Draw(pdf, scorecard);
        ComposeMissing(pdf, scorecard);
        Movers.Draw(pdf, "Biggest improvements on last month", scorecard.Improvements, "No KPI got more than 1% better on last month.");
        Movers.Draw(pdf, "Biggest declines on last month", scorecard.Declines, "No KPI got more than 1% worse on last month.");
    }

    private static void ComposeHeader(PdfBuilder pdf, Scorecard scorecard)
    {
        Heading.Title(pdf, scorecard.Organisation);
        pdf.Tags.Element(PdfBlockLevelElementTag.Paragraph, () =>
        {
            pdf.Gfx.DrawString($"Digital engagement scorecard · {scorecard.Period.DisplayName}", Theme.Heading, new XSolidBrush(Theme.Accent), Theme.Margin, pdf.Y, XStringFormats.TopLeft);
            pdf.Gfx.DrawString(string.Create(CultureInfo.InvariantCulture, $"Strategy version {scorecard.StrategyVersion} · data as of {scorecard.DataAsOf:yyyy-MM-dd} · {scorecard.Departments.Count} departments"),
                Theme.Body, Theme.MutedBrush, Theme.Margin, pdf.Y + 18, XStringFormats.TopLeft);
        });
        pdf.Y += 42;
    }

    private static void ComposeCounts(PdfBuilder pdf, StatusCounts counts)
    {
        var gfx = pdf.Gfx;
        var boxWidth = (Theme.ContentWidth - 40) / 5;
        var x = Theme.Margin;
        var values = new[] { counts.Green, counts.Amber, counts.Red, counts.Missing };
        for (var i = 0; i < Statuses.Length; i++)
        {
            var color = Theme.StatusColor(Statuses[i]);
            var box = new XRect(x, pdf.Y, boxWidth, 54);
            var word = $"KPIs {Theme.StatusWord(Statuses[i]).ToLowerInvariant()}";
            var value = values[i].ToString(CultureInfo.InvariantCulture);
            pdf.Tags.Artifact(() => gfx.DrawRectangle(new XPen(color, 1.2), box));
            pdf.Tags.Element(PdfBlockLevelElementTag.Paragraph, () =>
            {
                gfx.DrawString(value, Theme.BigNumber, new XSolidBrush(color), new XRect(box.X, box.Y + 6, boxWidth, 26), XStringFormats.Center);
                gfx.DrawString(word, Theme.Body, Theme.InkBrush, new XRect(box.X, box.Y + 34, boxWidth, 14), XStringFormats.Center);
            });
            x += boxWidth + 10;
        }

        var share = new XRect(x, pdf.Y, boxWidth, 54);
        pdf.Tags.Artifact(() => gfx.DrawRectangle(new XSolidBrush(Theme.Accent), share));
        pdf.Tags.Element(PdfBlockLevelElementTag.Paragraph, () =>
        {
            gfx.DrawString(string.Create(CultureInfo.InvariantCulture, $"{counts.ShareOnTrack * 100:0}%"), Theme.BigNumber, XBrushes.White, new XRect(share.X, share.Y + 6, boxWidth, 26), XStringFormats.Center);
            gfx.DrawString("on track", Theme.Body, XBrushes.White, new XRect(share.X, share.Y + 34, boxWidth, 14), XStringFormats.Center);
        });
        pdf.Y += 60;
    }

    private static void ComposeMissing(PdfBuilder pdf, Scorecard scorecard)
    {
        var missing = scorecard.MissingSubmissions.Select(d => d.Name).ToList();
        var late = scorecard.LateSubmissions.Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Name} (received {d.ReceivedOn:yyyy-MM-dd})")).ToList();
        Heading.Section(pdf, "Missing and late submissions");
        if (missing.Count == 0 && late.Count == 0)
        {
            Heading.Paragraph(pdf, string.Create(CultureInfo.InvariantCulture, $"Every department submitted its figures for {scorecard.Period.DisplayName} by the deadline, {Deadline(scorecard)}."), Theme.Body, Theme.InkBrush);
        }

        if (missing.Count > 0)
        {
            Heading.Paragraph(pdf, string.Create(CultureInfo.InvariantCulture, $"Missing by the deadline, {Deadline(scorecard)}: {string.Join(", ", missing)}"), Theme.Body, Theme.InkBrush);
        }

        if (late.Count > 0)
        {
            Heading.Paragraph(pdf, $"Late: {string.Join(", ", late)}", Theme.Body, Theme.InkBrush);
        }
    }

    // The deadline day is the organisation's, so its zone is said with it: "2026-11-05 (Europe/London)".
    private static string Deadline(Scorecard scorecard) =>
        string.Create(CultureInfo.InvariantCulture, $"{scorecard.SubmissionDeadline:yyyy-MM-dd} ({scorecard.TimeZone})");
}
