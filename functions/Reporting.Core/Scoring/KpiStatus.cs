namespace Reporting.Core.Scoring;

/// <summary>How a KPI stands against its target. Written lowercase in scorecard.json and shown as a word in the PDFs.</summary>
public enum KpiStatus
{
    Green,
    Amber,
    Red,
    Missing,
}
