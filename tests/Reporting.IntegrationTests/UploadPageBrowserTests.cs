using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Application.Pages;
using Reporting.Storage.Blobs;
using Reporting.Testing;
using Xunit.Abstractions;

namespace Reporting.IntegrationTests;

/// <summary>
/// The department's upload page in a real browser: headless Chromium (Debian's <c>chromium</c>, or <c>CHROMIUM</c>) driven by
/// playwright-core (UploadPage/upload-page-check.mjs) opens the page link on Azurite with the real host running, reads the
/// guide, uploads a good and a bad file through the file input (and drops one on the drop zone) and reads the answers
/// as a person sees them (accepted, rejected, accepted again, accepted but not in force, failed; a CSV and an .xlsx), then uses
/// a link whose upload part storage refuses and one whose upload part points at another department. The answers it lists
/// are all past the answer container's first listing page. Throughout, the
/// page's Content-Security-Policy is in force and must report no violation, and the upload link leaves the address bar
/// and the history once read.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UploadPageBrowserTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task UploadPage_InChromium_ShowsTheGuide_AcceptsAGoodFile_AndListsEveryProblemOfABadOne()
    {
        // Declared received times trusted (as in the demo), so one upload can be older than the month's upload in force;
        // two attempts, so the failure at the end is answered quickly.
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite), new()
        {
            ["Reporting:TrustDeclaredReceivedTime"] = "true",
            ["extensions:queues:maxDequeueCount"] = "2",
        });
        await host.UploadAsync("sales", "2026-09.csv", await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "submissions", "sales", "2026-09.csv")));
        Assert.Equal("accepted", (await host.ResultAsync("sales", "2026-09.csv")).GetProperty("status").GetString());
        await host.Services.GetRequiredService<DepartmentPagePublisher>().PublishAsync("sales", default);
        await FillFirstListingPageAsync(host);
        // Azurite checks links against the real time, so this one is signed by the real clock, not the host's test clock.
        var access = new DepartmentAccess(host.Account, TimeProvider.System);
        var grant = await access.GrantAsync("sales", TimeSpan.FromHours(1), default);
        // Sales's page with HR's working upload link in its fragment: a link someone edited, or pasted from elsewhere.
        var hr = await access.GrantAsync("hr", TimeSpan.FromHours(1), default);
        var foreignLink = grant.PageUrl.AbsoluteUri.Split('#')[0] + "#upload=" + Uri.EscapeDataString(hr.ContainerSasUrl.ToString());

        var folder = Directory.CreateTempSubdirectory("upload-page-");
        // Names as people give them: any script, spaces, '&' and brackets (escaped as text by the page, never parsed as HTML).
        var good = Path.Combine(folder.FullName, "Verkäufe & Umsatz (Oktober).csv");
        await File.WriteAllTextAsync(good, "period,kpi,value,comment\n2026-10,purchase-frequency,1.7,\n2026-10,new-customers,1150,\n2026-10,average-order-value,85.5,\n2026-10,social-referral-revenue,158000,<b>not bold</b>\n", Encoding.UTF8);
        var bad = Path.Combine(folder.FullName, "2026-10 draft.csv");
        await File.WriteAllTextAsync(bad, "period,kpi,value,comment\n2026-10,purchase-frequency,1.7,\n2026-10,new-customers,lots,\n", Encoding.UTF8);
        var fixedFolder = Directory.CreateDirectory(Path.Combine(folder.FullName, "fixed"));
        var fixedFile = Path.Combine(fixedFolder.FullName, "2026-10 draft.csv");
        await File.WriteAllTextAsync(fixedFile, "period,kpi,value,comment\n2026-10,purchase-frequency,1.7,\n2026-10,new-customers,1150,\n", Encoding.UTF8);
        var workbook = Path.Combine(folder.FullName, "2026-08.xlsx");
        await File.WriteAllBytesAsync(workbook, new TestWorkbook().Sheet("Figures").Row(1, "period", "kpi", "value", "comment")
            .Row(2, "2026-08", "purchase-frequency", 1.6, null).Row(3, "2026-08", "new-customers", 990, "from the workbook").Build());
        var earlier = Path.Combine(folder.FullName, "2026-10 earlier.csv");
        await File.WriteAllTextAsync(earlier, await File.ReadAllTextAsync(good), Encoding.UTF8);
        var screenshot = Path.Combine(Path.GetTempPath(), "upload-page-rejected.png");

        var seen = await RunBrowserAsync(grant.PageUrl.AbsoluteUri, good, bad, screenshot, fixedFile, workbook, earlier, foreignLink);

        var afterLoad = seen.GetProperty("afterLoad");
        Assert.Equal(grant.PageUrl.AbsoluteUri.Split('#')[0], afterLoad.GetProperty("url").GetString());
        Assert.Equal("", afterLoad.GetProperty("hash").GetString());
        Assert.StartsWith("default-src 'none'; script-src 'sha256-", afterLoad.GetProperty("policy").GetString());
        Assert.Empty(seen.GetProperty("cspViolations").EnumerateArray());

        var guide = seen.GetProperty("guide");
        Assert.Contains("Sales", guide.GetProperty("title").GetString());
        Assert.Equal("5 November 2026, end of the day (Europe/London)", guide.GetProperty("deadline").GetString());
        Assert.Contains("Due now: October 2026. The deadline was 5 November 2026", guide.GetProperty("due").GetString());
        var kpis = guide.GetProperty("kpis").EnumerateArray().Select(Cells).ToList();
        Assert.Equal(4, kpis.Count);
        var newCustomers = Assert.Single(kpis, row => row[1] == "new-customers");
        Assert.Equal(["New customers reached through social channels", "new-customers", "count", "1,200 (from 2026-07)", "1,017"], newCustomers);
        var templates = guide.GetProperty("templates").EnumerateArray().ToList();
        Assert.Equal(["Excel template: 2026-10.xlsx", "CSV template: 2026-10.csv"], templates.Select(t => t.GetProperty("text").GetString()));
        Assert.All(templates, t => Assert.Equal(200, t.GetProperty("status").GetInt32()));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", templates[0].GetProperty("contentType").GetString());
        Assert.StartsWith("PK", templates[0].GetProperty("start").GetString());
        Assert.StartsWith("\"period\",\"kpi\",\"name\",\"unit\",\"target\",\"last month\"", templates[1].GetProperty("start").GetString());

        var accepted = seen.GetProperty("good");
        Assert.Equal("✔ Accepted: Verkäufe & Umsatz (Oktober).csv", accepted.GetProperty("heading").GetString());
        Assert.Equal("4 figures stored for 2026-10.", accepted.GetProperty("summary").GetString());

        var rejected = seen.GetProperty("bad");
        Assert.Equal("✖ Rejected: 2026-10 draft.csv", rejected.GetProperty("heading").GetString());
        var problem = Cells(Assert.Single(rejected.GetProperty("problems").EnumerateArray()));
        Assert.Equal("line 3", problem[0]);
        Assert.Equal("value (column 3)", problem[1]);
        Assert.Equal("lots", problem[2]);
        Assert.Contains("is not a number", problem[^1]);

        // Every one of these answers is past the first listing page (FillFirstListingPageAsync): the page followed the next marker.
        var history = seen.GetProperty("history").EnumerateArray().Select(Cells).ToList();
        Assert.Equal(["2026-10 draft.csv", "Verkäufe & Umsatz (Oktober).csv", "2026-09.csv"], history.Select(row => row[0]));
        Assert.Equal(["Rejected", "Accepted", "Accepted"], history.Select(row => row[2]));
        Assert.StartsWith("1 problem: line 3, ", history[0][3]);

        // Uploaded again under the same name: the page waited for the answer to this version, not the rejection before it.
        Assert.Equal("2 figures stored for 2026-10.", seen.GetProperty("fixed").GetProperty("summary").GetString());

        var dropped = seen.GetProperty("dropped");
        Assert.Equal("✔ Accepted: dropped Verkäufe & Umsatz (Oktober).csv", dropped.GetProperty("heading").GetString());
        Assert.Equal("4 figures stored for 2026-10.", dropped.GetProperty("summary").GetString());

        // The first file's bytes uploaded again after the dropped one: the newest upload, in force again.
        var again = seen.GetProperty("again");
        Assert.Equal("✔ Accepted: Verkäufe & Umsatz (Oktober).csv", again.GetProperty("heading").GetString());
        Assert.Equal("4 figures stored for 2026-10.", again.GetProperty("summary").GetString());

        var xlsx = seen.GetProperty("workbook");
        Assert.Equal("✔ Accepted: 2026-08.xlsx", xlsx.GetProperty("heading").GetString());
        Assert.Equal("2 figures stored for 2026-08.", xlsx.GetProperty("summary").GetString());

        var superseded = seen.GetProperty("superseded");
        Assert.Equal("✖ Accepted, not in force: 2026-10 earlier.csv", superseded.GetProperty("heading").GetString());
        Assert.Equal("4 figures for 2026-10 checked and kept, but a newer upload holds that month (Verkäufe & Umsatz (Oktober).csv).", superseded.GetProperty("summary").GetString());

        var back = seen.GetProperty("back");
        Assert.Equal(grant.PageUrl.AbsoluteUri.Split('#')[0], back.GetProperty("url").GetString());
        Assert.Contains("no upload part", back.GetProperty("status").GetString());

        var foreign = seen.GetProperty("foreign");
        Assert.Contains("does not point to your department's own upload folder", foreign.GetProperty("status").GetString());
        Assert.Contains(host.Account.SubmissionContainer("hr").Name + ", not ", foreign.GetProperty("progress").GetString());
        Assert.EndsWith(host.Account.SubmissionContainer("sales").Name + "). Nothing was uploaded: open the link the reporting team sent you, or ask them for a new one.", foreign.GetProperty("progress").GetString());
        Assert.Empty(foreign.GetProperty("puts").EnumerateArray());
        Assert.False((await host.Account.SubmissionContainer("hr").GetBlobClient("Verkäufe & Umsatz (Oktober).csv").ExistsAsync()).Value);

        Assert.Contains("expired", seen.GetProperty("refused").GetString());
        Assert.Empty(seen.GetProperty("pageErrors").EnumerateArray());
        Assert.True(File.Exists(screenshot));
        output.WriteLine($"screenshot after the rejected upload: {screenshot}");

        // Processing that fails (the strategy is gone, so every attempt throws): the page shows a generic answer with a
        // reference, never the internal error.
        await host.Account.BlobService.GetBlobContainerClient(host.Account.Options.ConfigContainer).GetBlobClient(StrategyBlob.BlobName).DeleteAsync();
        var failing = Path.Combine(folder.FullName, "2026-10 final.csv");
        await File.WriteAllTextAsync(failing, await File.ReadAllTextAsync(good), Encoding.UTF8);
        var failedRun = await RunBrowserAsync("--failed", grant.PageUrl.AbsoluteUri, failing);
        var failed = failedRun.GetProperty("failed");
        Assert.Equal("✖ Failed: 2026-10 final.csv", failed.GetProperty("heading").GetString());
        Assert.Matches(@"^Could not be processed: the upload could not be processed; the administrators were told \(reference F-[0-9A-F]{10}\); the reporting team can find the cause in the pipeline's log under that reference\. Nothing was stored; your file is kept\.$",
            failed.GetProperty("summary").GetString());
        Assert.Empty(failedRun.GetProperty("cspViolations").EnumerateArray());
        Assert.Empty(failedRun.GetProperty("pageErrors").EnumerateArray());
    }

    /// <summary>
    /// Puts more blobs than one listing page holds (storage's 5,000) in the answer container, named to sort before every
    /// answer the test makes, so the page finds each answer it shows past its first listing page (by the next marker).
    /// </summary>
    private static async Task FillFirstListingPageAsync(HostHarness host)
    {
        const int PageSize = 5000;
        var answers = host.Account.AnswerContainer("sales");
        await Parallel.ForEachAsync(Enumerable.Range(0, PageSize + 1), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
            await answers.GetBlobClient($"0000-earlier-{i:00000}.csv.txt").UploadAsync(BinaryData.FromString("an earlier answer's text"), token));
    }

    private static string[] Cells(JsonElement row) => row.EnumerateArray().Select(c => c.GetString()!).ToArray();

    // node runs the script from the repository, where npm ci put playwright-core; its JSON on stdout is what the browser showed.
    private async Task<JsonElement> RunBrowserAsync(params string[] arguments)
    {
        // A checkout installed before playwright-core was pinned gets it here (npm ci), as Azurite and maildev do.
        await Reporting.LocalDev.AzuriteInstallation.EnsureInstalledAsync(
            RepositoryFiles.Root, Path.Combine("node_modules", "playwright-core", "package.json"), output.WriteLine, default);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryFiles.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { RepositoryFiles.Path("tests", "Reporting.IntegrationTests", "UploadPage", "upload-page-check.mjs") }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(BrowserTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the browser check did not finish within {BrowserTimeout.TotalMinutes:0} minutes: {await stderr}");
        }

        output.WriteLine(await stderr);
        Assert.True(process.ExitCode == 0, $"the browser check failed (exit {process.ExitCode}): {await stderr}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
