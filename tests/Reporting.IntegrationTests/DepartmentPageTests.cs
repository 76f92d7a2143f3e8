using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Application.Pages;
using Reporting.Core.Periods;
using Reporting.Core.Submissions;
using Reporting.Storage.Blobs;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>
/// The departments' upload pages in their answer containers, published by the host's services on a real Azurite: files and
/// content types, the guide's values (month due, deadline, KPIs with targets and last month's stored figures), refreshed
/// after an accepted upload and when the strategy changes. The test clock is 2026-11-10: October is due (by 5 November,
/// passed), September is "last month".
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DepartmentPageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Publish_WritesPageGuideAndTemplate_WithTheirContentTypes()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        await Publisher(host).PublishAsync("sales", default);
        var blobs = host.Services.GetRequiredService<DepartmentPageBlobs>();

        Assert.StartsWith("text/html", (await blobs.ReadAsync("sales", ".page/index.html", default))?.ContentType);
        Assert.StartsWith("text/javascript", (await blobs.ReadAsync("sales", ".page/app.js", default))?.ContentType);
        Assert.StartsWith("text/css", (await blobs.ReadAsync("sales", ".page/style.css", default))?.ContentType);
        Assert.StartsWith("application/json", (await blobs.ReadAsync("sales", ".page/guide.json", default))?.ContentType);
        // The month's templates as `reporting template` writes them, with the guidance columns.
        var template = await blobs.ReadAsync("sales", ".page/templates/2026-10.csv", default);
        Assert.StartsWith("text/csv", template?.ContentType);
        Assert.StartsWith("\"period\",\"kpi\",\"name\",\"unit\",\"target\",\"last month\",\"value\",\"comment\"\r\n", template?.Content.ToString().TrimStart('\uFEFF'));
        Assert.Contains("\"2026-10\",\"new-customers\",\"New customers reached through social channels\",\"count\",\"1200\",\"\",\"\",\"\"\r\n", template?.Content.ToString());
        var workbook = await blobs.ReadAsync("sales", ".page/templates/2026-10.xlsx", default);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook?.ContentType);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(workbook!.Value.Content.ToArray(), 0, 2));
        var page = (await blobs.ReadAsync("sales", ".page/index.html", default))!.Value.Content.ToString();
        Assert.Contains("app.js\" + sas", page); // its script and style are loaded with the link's SAS
    }

    [Fact]
    public async Task Guide_HasMonthDueDeadlineAndKpis_InputsIncludedDerivedLeftOut()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        await Publisher(host).PublishAsync("customer-support", default);
        var guide = await GuideAsync(host, "customer-support");

        Assert.Equal("Customer Support", guide.GetProperty("departmentName").GetString());
        Assert.Equal("2026-10", guide.GetProperty("period").GetString());
        Assert.Equal("2026-11-05", guide.GetProperty("deadline").GetString());
        Assert.Equal("5 November 2026, end of the day (Europe/London)", guide.GetProperty("deadlineText").GetString());
        Assert.True(guide.GetProperty("deadlinePassed").GetBoolean());
        Assert.Equal("2026-09", guide.GetProperty("lastPeriod").GetString());
        var kpis = guide.GetProperty("kpis").EnumerateArray().ToDictionary(k => k.GetProperty("id").GetString()!);
        Assert.True(kpis["positive-mentions"].GetProperty("isInput").GetBoolean());
        Assert.False(kpis.ContainsKey("sentiment-ratio")); // derived: computed, never submitted
        // 20% below the stated baseline of 121,500, from 2026-01.
        Assert.Equal("97,200: 20% below the 2025 monthly average (from 2026-01)", kpis["support-cost"].GetProperty("target").GetString());
        Assert.Equal(JsonValueKind.Null, kpis["support-cost"].GetProperty("lastValue").ValueKind);
        Assert.Equal([".page/templates/2026-10.xlsx", ".page/templates/2026-10.csv"], guide.GetProperty("templates").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, kpis["positive-mentions"].GetProperty("target").ValueKind); // inputs feed derived KPIs; no target of their own
    }

    [Fact]
    public async Task Guide_AfterAnAcceptedUploadOfLastMonth_ShowsItsFigures()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        await Publisher(host).PublishAsync("sales", default);
        Assert.Equal(JsonValueKind.Null, Kpi(await GuideAsync(host, "sales"), "new-customers").GetProperty("lastValue").ValueKind);

        await host.UploadAsync("sales", "2026-09.csv", "period,kpi,value,comment\n2026-09,new-customers,1017,\"Autumn push, \"\"Share & Save\"\"\"\n");
        Assert.Equal("accepted", (await host.ResultAsync("sales", "2026-09.csv")).GetProperty("status").GetString());

        // Refreshed by the ingestion itself, just after the answer: no grant, no schedule.
        var refreshed = JsonDocument.Parse(await Eventually.GetAsync(async () =>
        {
            var text = await GuideTextAsync(host, "sales");
            return Kpi(JsonDocument.Parse(text).RootElement, "new-customers").GetProperty("lastValue").ValueKind == JsonValueKind.Number ? text : null;
        }, "the guide with September's figures")).RootElement;
        var newCustomers = Kpi(refreshed, "new-customers");
        Assert.Equal(1017, newCustomers.GetProperty("lastValue").GetDouble());
        Assert.Equal("1,017", newCustomers.GetProperty("lastValueText").GetString());
        Assert.Equal("Autumn push, \"Share & Save\"", newCustomers.GetProperty("lastComment").GetString());
        Assert.Equal("1,200 (from 2026-07)", newCustomers.GetProperty("target").GetString());
        // The templates show them too ("last month"), rewritten with the guide.
        var template = (await host.Services.GetRequiredService<DepartmentPageBlobs>().ReadAsync("sales", ".page/templates/2026-10.csv", default))!.Value.Content.ToString();
        Assert.Contains("\"2026-10\",\"new-customers\",\"New customers reached through social channels\",\"count\",\"1200\",\"1017\",\"\",\"\"\r\n", template);
    }

    [Fact]
    public async Task PublishAll_RepublishesOnlyWhenTheStrategyChanged()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        var publisher = Publisher(host);
        await publisher.PublishAllAsync(force: true, default);
        Assert.Equal(0, await publisher.PublishAllAsync(force: false, default)); // nothing changed

        var yaml = await File.ReadAllTextAsync(RepositoryFiles.Path("samples", "strategy.yaml"));
        Assert.Contains("target: 1.6,", yaml);
        await host.Services.GetRequiredService<StrategyBlob>().WriteAsync(yaml.Replace("target: 1.6,", "target: 1.75,", StringComparison.Ordinal), default);

        var departments = (await host.Services.GetRequiredService<Application.StrategySource>().GetAsync(default)).Departments.Count;
        Assert.Equal(departments, await publisher.PublishAllAsync(force: false, default));
        Assert.Equal("1.75", Kpi(await GuideAsync(host, "sales"), "purchase-frequency").GetProperty("target").GetString());
    }

    [Fact]
    public async Task AutoRefreshOff_TheHostPublishesNothingByItself_GrantingStillDoes()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite), new() { ["extensions:departmentPages:autoRefresh"] = "false" });
        var publisher = Publisher(host);

        Assert.Equal(0, await publisher.PublishAllAsync(force: false, default));
        await publisher.OnAcceptedAsync("sales", new Period(2026, 10), default);
        Assert.Null(await host.Services.GetRequiredService<DepartmentPageBlobs>().StampAsync("sales", default));

        await publisher.GrantAsync("sales", TimeSpan.FromHours(1), default);
        Assert.NotNull(await host.Services.GetRequiredService<DepartmentPageBlobs>().StampAsync("sales", default));
    }

    [Fact]
    public async Task Publish_KeepsOnlyTheCurrentMonthsTemplates()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        var old = SubmissionTemplate.FileName(new Period(2026, 8));
        await host.Account.AnswerContainer("hr").GetBlobClient(".page/templates/" + old).UploadAsync(BinaryData.FromString("period,kpi,value\n"));
        await Publisher(host).PublishAsync("hr", default);

        var names = new List<string>();
        await foreach (var blob in host.Account.AnswerContainer("hr").GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, ".page/templates/", default))
        {
            names.Add(blob.Name);
        }

        Assert.Equal([".page/templates/2026-10.csv", ".page/templates/2026-10.xlsx"], names);
    }

    [Fact]
    public async Task AnUploadNamedLikeThePage_IsAnsweredElsewhere_AndThePageStays()
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        await Publisher(host).PublishAsync("sales", default);
        var blobs = host.Services.GetRequiredService<DepartmentPageBlobs>();
        var page = (await blobs.ReadAsync("sales", ".page/index.html", default))!.Value.Content.ToString();

        // No upload name starts with a dot, so no answer is ever written under .page/ (this one goes to unsafe-name-<hash>).
        await host.UploadAsync("sales", ".page/guide", "period,kpi,value\n");
        Assert.Equal("rejected", (await host.ResultAsync("sales", ".page/guide")).GetProperty("status").GetString());

        Assert.StartsWith("unsafe-name-", SubmissionBlobs.ResultBlobName(".page/guide", ".json"));
        Assert.Equal(page, (await blobs.ReadAsync("sales", ".page/index.html", default))!.Value.Content.ToString());
        Assert.Equal("sales", (await GuideAsync(host, "sales")).GetProperty("department").GetString());
    }

    [Fact]
    public void PageUrl_HasTheReadOnlyLinkInTheQueryAndTheUploadLinkInTheFragment()
    {
        var grant = new DepartmentGrant("sales", new Uri("https://acct.blob.core.windows.net/submissions-sales?sv=1&sp=rcwl&sig=a%2Bb"),
            new Uri("https://acct.blob.core.windows.net/answers-sales?sv=1&sp=rl&sig=c%2Bd%2F"), DateTimeOffset.UnixEpoch, SasSigning.AccountKey);

        // Signatures are base64: an escaped '+' or '/' must stay escaped, or storage reads another signature.
        Assert.Equal("https://acct.blob.core.windows.net/answers-sales/.page/index.html?sv=1&sp=rl&sig=c%2Bd%2F#upload=https%3A%2F%2Facct.blob.core.windows.net%2Fsubmissions-sales%3Fsv%3D1%26sp%3Drcwl%26sig%3Da%252Bb",
            grant.PageUrl.AbsoluteUri);
    }

    private static DepartmentPagePublisher Publisher(HostHarness host) => host.Services.GetRequiredService<DepartmentPagePublisher>();

    private static async Task<JsonElement> GuideAsync(HostHarness host, string department) =>
        JsonDocument.Parse(await GuideTextAsync(host, department)).RootElement;

    private static async Task<string> GuideTextAsync(HostHarness host, string department) =>
        (await host.Services.GetRequiredService<DepartmentPageBlobs>().ReadAsync(department, ".page/guide.json", default))!.Value.Content.ToString();

    private static JsonElement Kpi(JsonElement guide, string id) =>
        guide.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
}
