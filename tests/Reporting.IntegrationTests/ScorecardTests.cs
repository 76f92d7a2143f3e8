using Microsoft.Azure.WebJobs;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Periods;
using Reporting.Functions.Functions;
using Reporting.Storage.Blobs;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class ScorecardTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TimerFunction_OnItsSchedule_RendersThePreviousMonthIntoBlobStorage()
    {
        var previous = Period.FromDate(DateOnly.FromDateTime(DateTime.UtcNow)).Previous();
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite), new()
        {
            ["extensions:monthlyScorecards:schedule"] = "*/2 * * * * *",
            ["extensions:monthlyScorecards:timeZone"] = "UTC",
        });
        await host.UploadAsync("sales", $"{previous}.csv", new SubmissionCsvBuilder(previous.ToString()).WithRow("new-customers", "1300").BuildText());
        await host.ResultAsync("sales", $"{previous}.csv");

        var scorecards = host.Services.GetRequiredService<ScorecardBlobs>();
        var names = await Eventually.GetAsync(async () =>
        {
            var listed = await scorecards.ListAsync(previous, default);
            return listed.Contains("scorecard.json") ? listed : null;
        }, "the timer's scorecards", TimeSpan.FromSeconds(40));

        Assert.Contains("leadership.pdf", names);
        Assert.Contains("sales.pdf", names);
        var text = PdfText.Extract(await scorecards.ReadAsync(previous, "leadership.pdf", default));
        Assert.Contains("Northwind Traders", text);
        Assert.Contains("Customer Support", text);
    }

    [Fact]
    public async Task OnDemandFunction_CalledThroughTheHost_WritesPdfsAndJsonForThePeriod()
    {
        var october = new Period(2026, 10);
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        await host.UploadAsync("sales", "2026-10.csv", new SubmissionCsvBuilder("2026-10").WithRow("new-customers", "900").BuildText());
        await host.ResultAsync("sales", "2026-10.csv");

        await host.Services.GetRequiredService<IJobHost>().CallAsync(MonthlyScorecards.OnDemand, new Dictionary<string, object?> { ["period"] = "2026-10" });

        var scorecards = host.Services.GetRequiredService<ScorecardBlobs>();
        var names = await scorecards.ListAsync(october, default);
        Assert.Equal(["community.pdf", "customer-support.pdf", "hr.pdf", "leadership.pdf", "marketing.pdf", "pr.pdf", "product-development.pdf", "sales.pdf", "scorecard.json", "transformation-office.pdf"], names.Order(StringComparer.Ordinal));
        var json = System.Text.Json.JsonDocument.Parse(await scorecards.ReadAsync(october, "scorecard.json", default)).RootElement;
        var sales = json.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "sales");
        var reach = sales.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("id").GetString() == "new-customers");
        Assert.Equal(900, reach.GetProperty("actual").GetDouble());
        Assert.Equal("red", reach.GetProperty("status").GetString());
        var salesPdf = PdfText.Words(PdfText.Extract(await scorecards.ReadAsync(october, "sales.pdf", default), layout: false));
        Assert.Contains("New customers reached through social channels", salesPdf);
    }
}
