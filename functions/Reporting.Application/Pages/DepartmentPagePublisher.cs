using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reporting.Core.Periods;
using Reporting.Core.Scoring;
using Reporting.Core.Strategy;
using Reporting.Core.Submissions;
using Reporting.Storage.Blobs;
using Reporting.Storage.Tables;

namespace Reporting.Application.Pages;

/// <summary>
/// Keeps each department's upload page current in its answer container (under <c>.page/</c>): the page's files, <c>guide.json</c> (month due,
/// deadline, KPIs with targets and last month's figures) and the month's templates. Published when a link is granted,
/// when a host starts and on a schedule whenever the strategy, the month due or the page changed, and after an accepted
/// upload (last month's figures may have changed). Safe to repeat and to run on several hosts: the same inputs write the same files.
/// </summary>
public sealed partial class DepartmentPagePublisher(
    StrategySource strategies,
    KpiFigureTable figures,
    DepartmentPageBlobs blobs,
    DepartmentAccess access,
    IOptions<DepartmentPageOptions> options,
    TimeProvider clock,
    ILogger<DepartmentPagePublisher> logger) : ISubmissionAcceptedHandler
{
    /// <summary>A department's links, with its page published first so the page link works the moment it is handed out.</summary>
    public async Task<DepartmentGrant> GrantAsync(string departmentId, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var grant = await access.GrantAsync(departmentId, validFor, cancellationToken);
        await PublishAsync(departmentId, cancellationToken);
        return grant;
    }

    /// <summary>Publishes one department's page, guide and templates now.</summary>
    public async Task PublishAsync(string departmentId, CancellationToken cancellationToken)
    {
        var (strategy, etag) = await strategies.TryGetVersionAsync(cancellationToken)
            ?? throw new InvalidOperationException("No strategy has been uploaded to storage (config/strategy.yaml); run `reporting init --strategy <file>` first.");
        var department = strategy.FindDepartment(departmentId)
            ?? throw new InvalidOperationException($"There is no department '{departmentId}' in the strategy in force.");
        var due = DueNow(strategy);
        await PublishAsync(strategy, department, due, Stamp(etag, due), cancellationToken);
    }

    private const int StampReadsAtOnce = 16;

    /// <summary>
    /// Publishes every department whose page was built from another strategy version, month or page (all of them when
    /// <paramref name="force"/>); returns how many were published. Nothing when no strategy is in force yet, or (unless
    /// forced) when <see cref="DepartmentPageOptions.AutoRefresh"/> is off.
    /// </summary>
    public async Task<int> PublishAllAsync(bool force, CancellationToken cancellationToken)
    {
        if (!force && !options.Value.AutoRefresh)
        {
            return 0;
        }

        if (await strategies.TryGetVersionAsync(cancellationToken) is not { } current)
        {
            return 0;
        }

        var (strategy, etag) = current;
        var due = DueNow(strategy);
        var stamp = Stamp(etag, due);
        // The stamps are read several at once: one request each, and at a thousand departments one after another the
        // idle refresh took most of a minute (docs/benchmarks.md, idle cost). Pages are published one at a time.
        var stale = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(strategy.Departments, new ParallelOptions { MaxDegreeOfParallelism = StampReadsAtOnce, CancellationToken = cancellationToken }, async (department, token) =>
        {
            if (force || await blobs.StampAsync(department.Id, token) != stamp)
            {
                stale.Add(department.Id);
            }
        });
        var published = 0;
        var staleIds = stale.ToHashSet(StringComparer.Ordinal);
        foreach (var department in strategy.Departments.Where(d => staleIds.Contains(d.Id)))
        {
            await PublishAsync(strategy, department, due, stamp, cancellationToken);
            published++;
        }

        if (published > 0)
        {
            LogPublished(logger, published, due.Period.ToString());
        }

        return published;
    }

    /// <summary>After an accepted upload: the guide shows last month's figures, so a month at or after that one refreshes it.</summary>
    public async Task OnAcceptedAsync(string department, Period period, CancellationToken cancellationToken)
    {
        if (!options.Value.AutoRefresh)
        {
            return;
        }

        if (await strategies.TryGetVersionAsync(cancellationToken) is not { } current || current.Strategy.FindDepartment(department) is not { } found)
        {
            return;
        }

        var (strategy, etag) = current;
        var due = DueNow(strategy);
        if (period < due.Period.Previous())
        {
            return;
        }

        // A current page keeps its files: only what shows figures (the guide, the templates' "last month") is rewritten.
        var stamp = Stamp(etag, due);
        await PublishAsync(strategy, found, due, stamp, cancellationToken, withPage: await blobs.StampAsync(found.Id, cancellationToken) != stamp);
    }

    /// <summary>
    /// What would be published now for a department: the guide (the page's JSON contract, <see cref="DepartmentGuide"/>)
    /// and the month's template, both from the same stored figures (this department's rows only).
    /// </summary>
    public async Task<(DepartmentGuide Guide, MonthTemplate Template)> BuildAsync(EngagementStrategy strategy, Department department, DueMonth due, CancellationToken cancellationToken)
    {
        var last = due.Period.Previous();
        var kpis = department.SubmittedKpis.ToList();
        // Targets against a computed baseline need the baseline's months too.
        var first = kpis.SelectMany(k => k.Targets).Where(t => t.Baseline?.From is not null).Select(t => t.Baseline!.From!.Value).Append(last).Min();
        var book = new FigureBook(await figures.LoadDepartmentAsync(department.Id, first, last, cancellationToken));
        var targets = new TargetResolver(book);
        var rows = kpis.Select(kpi =>
        {
            var measured = book.Measure(department, kpi, last);
            return new GuideKpi(kpi.Id, kpi.Name, kpi.Unit.Code, kpi.IsInput, kpi.IsInput ? null : targets.Resolve(department, kpi, due.Period)?.Description,
                measured.Value, measured.Value?.ToString("#,0.##", CultureInfo.InvariantCulture), measured.Comment);
        }).ToList();
        var template = SubmissionTemplate.For(department, due.Period, book);
        var guide = new DepartmentGuide(department.Id, department.Name, strategy.Organisation, due.Period.ToString(), due.Period.DisplayName,
            due.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), due.DeadlineText, due.DeadlinePassed, due.ZoneName, last.ToString(), last.DisplayName,
            rows, Templates(template).Select(t => new GuideTemplate(t.Format, t.File.Name)).ToList(), blobs.UploadContainerName(department.Id));
        return (guide, template);
    }

    /// <summary>The month's templates, as <c>reporting template</c> writes them: an Excel workbook and a CSV, with the guidance columns.</summary>
    private static IReadOnlyList<(string Format, PageFile File)> Templates(MonthTemplate template) =>
    [
        ("Excel", new PageFile(DepartmentPageBlobs.TemplateFolder + SubmissionTemplateFiles.FileName(template, "xlsx"), SubmissionTemplateFiles.Xlsx(template),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
        ("CSV", new PageFile(DepartmentPageBlobs.TemplateFolder + SubmissionTemplateFiles.FileName(template, "csv"), SubmissionTemplateFiles.Csv(template), "text/csv; charset=utf-8")),
    ];

    // The organisation's zone is the strategy's (timeZone:), so a deadline reads the same on the page, in mails and in the PDFs.
    private DueMonth DueNow(EngagementStrategy strategy) => DueMonth.On(clock.GetUtcNow(), strategy);

    private async Task PublishAsync(EngagementStrategy strategy, Department department, DueMonth due, string stamp, CancellationToken cancellationToken, bool withPage = true)
    {
        var (guide, template) = await BuildAsync(strategy, department, due, cancellationToken);
        var files = (withPage ? UploadPageAssets.All : []).Concat(Templates(template).Select(t => t.File)).ToList();
        await blobs.PublishAsync(department.Id, files, GuideFile(guide), stamp, cancellationToken);
    }

    private static PageFile GuideFile(DepartmentGuide guide) =>
        new(DepartmentPageBlobs.GuideName, JsonSerializer.SerializeToUtf8Bytes(guide, DepartmentGuideJson.Default.DepartmentGuide), "application/json; charset=utf-8");

    // What a published page was built from; a different stamp means it must be published again.
    private static string Stamp(string strategyETag, DueMonth due) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{strategyETag}|{due.Period}|{due.Deadline:O}|{due.DeadlinePassed}|{due.ZoneName}|{UploadPageAssets.Version}")))[..32].ToLowerInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Published the upload pages of {Count} departments for {Period}")]
    private static partial void LogPublished(ILogger logger, int count, string period);
}
