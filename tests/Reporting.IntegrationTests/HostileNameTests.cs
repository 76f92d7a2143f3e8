using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reporting.Core.Periods;
using Reporting.Storage.Blobs;
using Reporting.Testing;

namespace Reporting.IntegrationTests;

/// <summary>Uploads with names crafted to confuse URLs and tools: each gets a refusal, nothing is stored, nothing else is touched.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileNameTests(AzuriteFixture azurite)
{
    private const string CannotBeUsed = "cannot be used: name files with letters, digits";
    private const string NotReadBack = "could not be read back under the name";

    /// <summary>
    /// Each name as a department's link would send it, what storage answers (Azurite, which here behaves as Azure does:
    /// it takes every one of them), the name it is stored under, and the answer's problem. Null: Azurite cannot list the
    /// name (it writes the control character into its listing XML unescaped, where Azure escapes it), so the emulator's
    /// scan never sees it; recorded in docs/reliability.md.
    /// </summary>
    public static TheoryData<string, string, string, string?> Names => new()
    {
        { "dot segments", "x%2F..%2F2026-10.csv", "x/../2026-10.csv", CannotBeUsed },
        { "leading dot segments", "..%2F..%2Fconfig%2Fstrategy.yaml", "../../config/strategy.yaml", CannotBeUsed },
        { "encoded slash twice", "2026%252F10.csv", "2026%2F10.csv", CannotBeUsed },
        { "control character", "bell%07.csv", "bell\u0007.csv", null },
        { "backslash", "..%5Cevil.csv", "../evil.csv", CannotBeUsed },
        { "hash", "2026-10.csv%23fragment", "2026-10.csv#fragment", CannotBeUsed },
        { "very long", new string('a', 900) + ".csv", new string('a', 900) + ".csv", CannotBeUsed },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task HostileName_IsRefusedWithAnAnswer_AndNothingIsStored(string variant, string encodedName, string storedName, string? problem)
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        // Azurite checks the link against the real time, so it is granted by the real clock, not the host's test clock.
        var grant = await new DepartmentAccess(host.Account, TimeProvider.System).GrantAsync("sales", TimeSpan.FromHours(1), default);
        var url = $"{grant.ContainerSasUrl.GetLeftPart(UriPartial.Path)}/{encodedName}{grant.ContainerSasUrl.Query}";
        using var http = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(url)) { Content = new StringContent("period,kpi,value\n2026-10,new-customers,5000\n") };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        var response = await http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // Another department's upload is handled whatever the hostile name does to its container.
        await host.UploadAsync("hr", "2026-10.csv", new SubmissionCsvBuilder("2026-10").WithRow("social-hires", "4").BuildText());
        Assert.Equal("accepted", (await host.ResultAsync("hr", "2026-10.csv")).GetProperty("status").GetString());
        var strategy = await host.Services.GetRequiredService<StrategyBlob>().ReadVersionAsync(default);
        Assert.Contains("Northwind Traders", strategy?.Yaml);

        if (problem is null)
        {
            Assert.Empty(await ListAsync(host, "sales"));
            Assert.Empty(await SalesFiguresAsync(host));
            return;
        }

        var stored = Assert.Single(await ListAsync(host, "sales"));
        Assert.Equal(storedName, stored.BlobName);
        var answer = JsonDocument.Parse(await Eventually.GetAsync(() => host.Blobs.ReadResultJsonAsync("sales", stored.BlobName, default), $"the answer to {variant}")).RootElement;
        Assert.Equal("rejected", answer.GetProperty("status").GetString());
        Assert.Contains(problem, Assert.Single(answer.GetProperty("problems").EnumerateArray()).GetProperty("message").GetString());
        Assert.Empty(await SalesFiguresAsync(host));
    }

    private static async Task<List<Core.Submissions.KpiFigure>> SalesFiguresAsync(HostHarness host) =>
        [.. (await host.Figures.LoadAsync(new Period(2026, 10), new Period(2026, 10), default)).Where(f => f.DepartmentId == "sales")];

    private static async Task<List<SubmissionUpload>> ListAsync(HostHarness host, string department)
    {
        var uploads = new List<SubmissionUpload>();
        try
        {
            await foreach (var upload in host.Blobs.ListUploadsAsync(host.Account.SubmissionContainer(department).Name, default))
            {
                uploads.Add(upload);
            }
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or System.Xml.XmlException)
        {
            // Azurite writes a control character into its listing XML as it is (Azure escapes it), and the client cannot parse that.
            return [];
        }

        return uploads;
    }
}
