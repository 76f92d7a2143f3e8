using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reporting.Functions;
using Reporting.Storage;
using Reporting.Testing;

namespace Reporting.Cli.Tests;

/// <summary>The verbs that talk to storage, run as real processes against the fixture's Azurite, with storage names of their own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageCommandTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);
    private readonly string _folder = Directory.CreateTempSubdirectory("reporting-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliProcess.Result> Run(params string[] arguments) => CliProcess.RunWithSettingsAsync(TestStorage.Settings(_account), arguments);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    // The host that answers uploads: the Function App's functions on the local runner, on the same storage, on the tests' clock.
    private async Task<IHost> StartHostAsync(bool trustDeclaredReceivedTime = false)
    {
        var settings = TestStorage.Settings(_account);
        settings["Reporting:TrustDeclaredReceivedTime"] = trustDeclaredReceivedTime ? "true" : null;
        settings[TestClock.Key] = TestClock.NowText;
        settings["extensions:queues:maxPollingInterval"] = "00:00:00.200";
        settings["logging:logLevel:default"] = "Warning";
        var host = Reporting.LocalRunner.LocalRunnerHost.CreateBuilder([], settings)
            .Build();
        await host.StartAsync();
        return host;
    }

    [Fact]
    public async Task Init_ThenStrategyShow_ListsTheKpisAndTargetsInForce()
    {
        var init = await Run("init");
        var show = await Run("strategy", "show", "--period", "2026-10");
        var lastMonth = await Run("strategy", "show");

        Assert.True(init.ExitCode == 0, init.All);
        Assert.Contains("Ready:", init.Output);
        Assert.Contains("8 department containers", init.Output);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("support-cost", show.Output);
        Assert.Contains("97,200: 20% below the 2025 monthly average (from 2026-01)", show.Output);
        Assert.Contains("1,200 (from 2026-07)", show.Output);
        Assert.Contains("done by 2026-09", show.Output);
        Assert.Contains("targets in force in 2026-10;", lastMonth.Output, StringComparison.Ordinal); // last month by the CLI's clock (TestClock)
    }

    [Fact]
    public async Task StrategyShow_BeforeInit_SaysToRunInit()
    {
        var result = await Run("strategy", "show");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No strategy is in force yet", result.Output);
    }

    [Fact]
    public async Task StrategyPush_InvalidFile_ExitsOneAndChangesNothing()
    {
        await Run("init");
        var bad = Write("bad.yaml", "organisation: X\ndepartments: []\n");

        var result = await Run("strategy", "push", bad);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("departments: at least one department is required", result.Output);
        Assert.Contains("support-cost", (await Run("strategy", "show")).Output);
    }

    [Fact]
    public async Task Submit_GoodAndBadFiles_ShowsEachAnswerAndExitsOneForTheRejected()
    {
        await Run("init");
        using var host = await StartHostAsync();
        var good = Write("sales/2026-10.csv", "period,kpi,value\n2026-10,new-customers,1300\n");
        var bad = Write("hr/2026-10.csv", "period,kpi,value\n2026-10,social-hire,3\n");

        var accepted = await Run("submit", good, "--department", "sales");
        var rejected = await Run("submit", bad, "--department", "hr");
        var status = await Run("status", "--period", "2026-10");
        await host.StopAsync();

        Assert.True(accepted.ExitCode == 0, accepted.All);
        Assert.Contains("accepted", accepted.Output);
        Assert.Contains("1 figures for 2026-10", accepted.Output);
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("line 2, column 2 (kpi): 'social-hire' is not a KPI of HR & Internal Communications; did you mean 'social-hires'?", rejected.Output);
        Assert.Equal(0, status.ExitCode);
        Assert.Matches(@"Submissions for October 2026\S* \(due by 2026-11-05, Europe/London\)", status.Output);
        // Received when the storage service says it was (its own clock, the real one, not the host's), shown in the strategy's
        // zone, Europe/London, and late when that is after the 5 November deadline's day.
        var received = TimeZoneInfo.ConvertTime(
            (await _account.SubmissionContainer("sales").GetBlobClient("2026-10.csv").GetPropertiesAsync()).Value.LastModified, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        var word = DateOnly.FromDateTime(received.DateTime) > new DateOnly(2026, 11, 5) ? "late" : "accepted";
        Assert.Matches($@"Sales\s+│\s+{word}\s+│\s+{received.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)}", status.Output);
        Assert.Matches(@"HR & Internal Communications\s+│\s+rejected\s+│.*1 problems in 2026-10.csv", status.Output);
        Assert.Matches(@"Community Management\s+│\s+missing", status.Output);
        Assert.DoesNotContain("Scorecards held back", status.Output); // nothing rendered, nothing held
    }

    [Fact]
    public async Task Status_UpdatesHeldBackByTheDailyMailLimit_ShowsHowManySinceTheLastMailAndWhenTheNextGoes()
    {
        await Run("init");
        // October was mailed at 09:00 (version 1), then rendered three times more within the day: three updates held.
        var index = new Storage.Blobs.ScorecardIndexStore(_account);
        var october = new Core.Periods.Period(2026, 10);
        var september = new Core.Periods.Period(2026, 9);
        for (var version = 1; version <= 4; version++)
        {
            var rendered = TestClock.Now.AddHours(version - 1);
            await index.RecordVersionAsync(october, new Storage.Blobs.IndexedVersion(version, rendered, "test", "stale", []), default);
            await index.ClaimMailAsync(october, version, rendered, version == 1 ? TimeSpan.Zero : TimeSpan.FromDays(1), default);
        }

        // September was rendered at 09:00 and has had late figures since: rendered again an hour after.
        await index.RecordVersionAsync(september, new Storage.Blobs.IndexedVersion(1, TestClock.Now, "test", "timer", [], "a"), default);
        await index.MarkStaleAsync(p => p == september, "b", default);

        var status = await Run("status", "--period", "2026-10");

        Assert.True(status.ExitCode == 0, status.All);
        Assert.Matches(@"Scorecards held back\S* \(times in UTC\):", status.Output);
        Assert.Contains("October 2026: 3 updates since the last mail at 2026-11-10 09:00; next mail after 2026-11-11 09:00", status.Output);
        Assert.Contains("September 2026: stale (figures arrived after its latest render); rendered again after 2026-11-10 10:00", status.Output);
        Assert.DoesNotContain("October 2026: stale", status.Output);
    }

    [Fact]
    public async Task Status_RejectedFileWithNoReadablePeriod_ShowsUnderTheMonthItsUploadTimePointsTo()
    {
        await Run("init");
        using var host = await StartHostAsync();
        var unreadable = Write("hr/figures.csv", "\u0000\u0001\u0002 not text at all");

        var submitted = await Run("submit", unreadable, "--department", "hr");
        var received = (await _account.SubmissionContainer("hr").GetBlobClient("figures.csv").GetPropertiesAsync()).Value.LastModified;
        var due = Core.Periods.Period.FromDate(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(received, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime)).Previous();
        var status = await Run("status", "--period", due.ToString());
        await host.StopAsync();

        Assert.Equal(1, submitted.ExitCode);
        Assert.Matches(@"HR & Internal Communications\s+│\s+rejected\s+│.*problems in figures.csv", status.Output);
    }

    [Fact]
    public async Task Submit_FolderOfDepartmentFolders_UploadsEachForItsDepartment()
    {
        await Run("init");
        using var host = await StartHostAsync();
        Write("batch/sales/2026-09.csv", "period,kpi,value\n2026-09,new-customers,1000\n");
        Write("batch/pr/2026-09.csv", "period,kpi,value\n2026-09,brand-mentions,9100\n");

        var result = await Run("submit", Path.Combine(_folder, "batch"));
        await host.StopAsync();

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Matches(@"pr\s+│\s+2026-09.csv\s+│\s+accepted", result.Output);
        Assert.Matches(@"sales\s+│\s+2026-09.csv\s+│\s+accepted", result.Output);
    }

    [Fact]
    public async Task Submit_ReceivedAtWithATrustingHost_StatusShowsTheDeclaredTime()
    {
        await Run("init");
        using var host = await StartHostAsync(trustDeclaredReceivedTime: true);
        var file = Write("2026-09.csv", "period,kpi,value\n2026-09,new-customers,1000\n");

        var result = await Run("submit", file, "--department", "sales", "--received-at", "2026-10-03T10:00:00Z");
        await host.StopAsync();
        var status = await Run("status", "--period", "2026-09");

        Assert.True(result.ExitCode == 0, result.All);
        // status shows the time on the organisation's calendar: the sample strategy's Europe/London, on summer time in October.
        Assert.Matches(@"Sales[^\n]*accepted[^\n]*2026-10-03 11:00", status.Output);
    }

    [Fact]
    public async Task Submit_ReceivedAtNotAnInstant_IsAUsageError()
    {
        var result = await Run("submit", Write("2026-09.csv", "period,kpi,value\n"), "--department", "sales", "--received-at", "last tuesday");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--received-at is 'last tuesday', which is not an instant", result.All);
    }

    [Fact]
    public async Task Submit_FileWithoutDepartment_IsAUsageError()
    {
        await Run("init");
        var result = await Run("submit", Write("x.csv", "period,kpi,value\n"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--department", result.Output);
    }

    [Fact]
    public async Task Render_WithOut_WritesTheMonthsFilesToStorageAndTheFolder()
    {
        await Run("init");
        var result = await Run("render", "--period", "2026-10", "--out", Path.Combine(_folder, "out"));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("Rendered October 2026 as version 1:", result.Output);
        Assert.True(File.Exists(Path.Combine(_folder, "out", "2026-10", "leadership.pdf")));
        Assert.True(File.Exists(Path.Combine(_folder, "out", "2026-10", "scorecard.json")));
        Assert.Equal(8, Directory.GetFiles(Path.Combine(_folder, "out", "2026-10"), "*.pdf").Length - 1);
    }

    [Fact]
    public async Task Render_RendersThroughTemporaryFiles_AndLeavesNoneBehind()
    {
        await Run("init");
        var temporary = Directory.CreateDirectory(Path.Combine(_folder, "tmp")).FullName;
        var environment = new Dictionary<string, string?> { ["TMPDIR"] = temporary };

        var result = await CliProcess.RunWithEnvironmentAsync(TestStorage.Settings(_account), environment, "render", "--period", "2026-10", "--out", Path.Combine(_folder, "out"));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Empty(Directory.GetFileSystemEntries(temporary, "reporting-*"));
        var pack = await File.ReadAllBytesAsync(Path.Combine(_folder, "out", "2026-10", "leadership.pdf"));
        Assert.StartsWith("%PDF-", System.Text.Encoding.Latin1.GetString(pack, 0, 5));
        Assert.EndsWith("%%EOF", System.Text.Encoding.Latin1.GetString(pack).TrimEnd());
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("October")]
    public async Task Render_BadPeriod_IsAUsageError(string period)
    {
        var result = await Run("render", "--period", period);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a period", result.Output);
    }

    [Fact]
    public async Task Grant_PrintsTheUploadPageFirst_ThenAWorkingUploadLinkForTheDepartmentOnly()
    {
        await Run("init");
        // Azurite checks the link against the real time, so this grant is made by the real clock.
        var settings = TestStorage.Settings(_account);
        settings[TestClock.Key] = "";

        var result = await CliProcess.RunWithSettingsAsync(settings, "grant", "--department", "sales", "--days", "10");

        Assert.True(result.ExitCode == 0, result.All);
        var links = result.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("http", StringComparison.Ordinal) && l.Contains("sig=", StringComparison.Ordinal)).ToList();
        var page = links[0];
        Assert.Contains(_account.AnswerContainer("sales").Name + "/.page/index.html?", page);
        Assert.Contains("#upload=", page);
        using var http = new HttpClient();
        // grant published the page: it answers through the link itself, as a web page.
        using var opened = await http.GetAsync(page);
        Assert.Equal(System.Net.HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("text/html", opened.Content.Headers.ContentType?.MediaType);
        var url = links[1];
        Assert.Contains(_account.SubmissionContainer("sales").Name + "?", url);
        using var put = new HttpRequestMessage(HttpMethod.Put, url.Replace("?", "/2026-10.csv?", StringComparison.Ordinal)) { Content = new StringContent("period,kpi,value\n") };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.Equal(System.Net.HttpStatusCode.Created, (await http.SendAsync(put)).StatusCode);
    }

    [Theory]
    [InlineData("nobody", "10", "There is no department 'nobody'")]
    [InlineData("sales", "0", "--days 0 is out of range")]
    public async Task Grant_BadArguments_AreUsageErrors(string department, string days, string expected)
    {
        await Run("init");
        var result = await Run("grant", "--department", department, "--days", days);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Output);
    }

    [Theory]
    [InlineData("init")]
    [InlineData("status")]
    [InlineData("render")]
    [InlineData("strategy", "show")]
    [InlineData("grant", "--department", "sales")]
    [InlineData("submit", "samples/submissions/sales/2026-10.csv", "--department", "sales")]
    [InlineData("template", "--department", "sales", "--period", "2026-10", "--out", "{folder}/2026-10.xlsx")]
    [InlineData("remind", "--dry-run")]
    [InlineData("strategy", "push", "samples/strategy.yaml")]
    public async Task StorageVerbs_StorageUnreachable_ExitThreeAndSayWhereAndHowToStartAzurite(params string[] arguments)
    {
        arguments = [.. arguments.Select(a => a.Replace("{folder}", _folder, StringComparison.Ordinal))];
        var closedPort = ClosedPort();
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={LocalDev.AzuriteEmulator.AccountKey};BlobEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;",
        };

        var result = await CliProcess.RunWithSettingsAsync(settings, arguments);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"Storage at http://127.0.0.1:{closedPort}/devstoreaccount1 cannot be used: nothing answered.", result.Output);
        Assert.Contains("npm ci && npm run azurite", result.Output);
        Assert.DoesNotContain(LocalDev.AzuriteEmulator.AccountKey, result.All);
        Assert.DoesNotContain("   at ", result.All); // no stack trace
        Assert.Empty(Directory.GetFiles(_folder)); // nothing written when nothing could be read
    }

    [Fact]
    public async Task Demo_StorageUnreachable_ExitsThree_AndLeavesNothingRunning()
    {
        var closedPort = ClosedPort();
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={LocalDev.AzuriteEmulator.AccountKey};BlobEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;";

        var result = await CliProcess.RunAsync("demo", "--connection", connection, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"Storage at http://127.0.0.1:{closedPort}/devstoreaccount1 cannot be used: nothing answered.", result.Output);
        Assert.DoesNotContain("Host started", result.Output);
    }

    [Fact]
    public async Task Demo_UnknownOption_IsAUsageError()
    {
        var result = await CliProcess.RunAsync("demo", "--fast");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--fast", result.Errors);
        Assert.Contains("reporting --help", result.Errors);
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
