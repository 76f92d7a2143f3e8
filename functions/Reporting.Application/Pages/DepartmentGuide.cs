using System.Text.Json.Serialization;

namespace Reporting.Application.Pages;

/// <summary>
/// <c>.page/guide.json</c> in a department's answer container: what its upload page shows. The page's only contract with the
/// pipeline besides the answers, so every field is here. <c>period</c> is the month due (YYYY-MM), <c>deadline</c> its last
/// day (YYYY-MM-DD, to its end in <c>timeZone</c>; <c>deadlinePassed</c> once it has ended: late figures are still taken),
/// <c>lastPeriod</c> the month before, whose stored figures are shown as guidance. <c>uploadContainer</c> is the department's
/// submission container: the only place the page sends a file to (on its own account), whatever its link's fragment says.
/// </summary>
public sealed record DepartmentGuide(
    string Department,
    string DepartmentName,
    string Organisation,
    string Period,
    string PeriodName,
    string Deadline,
    string DeadlineText,
    bool DeadlinePassed,
    string TimeZone,
    string LastPeriod,
    string LastPeriodName,
    IReadOnlyList<GuideKpi> Kpis,
    IReadOnlyList<GuideTemplate> Templates,
    string UploadContainer);

/// <summary>One KPI the department reports (inputs included, derived ones never), with its target and last month's figure.</summary>
public sealed record GuideKpi(string Id, string Name, string Unit, bool IsInput, string? Target, double? LastValue, string? LastValueText, string? LastComment);

/// <summary>A template for the month due: its format (CSV, XLSX) and its name in the answer container (<c>.page/templates/2026-11.csv</c>).</summary>
public sealed record GuideTemplate(string Format, string Name);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(DepartmentGuide))]
internal sealed partial class DepartmentGuideJson : JsonSerializerContext;
