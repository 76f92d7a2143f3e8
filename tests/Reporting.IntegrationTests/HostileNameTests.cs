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
    public static TheoryData<string, string> Names => new()
    {
        { "dot segments", "x%2F..%2F2026-10.csv" },
        { "leading dot segments", "..%2F..%2Fconfig%2Fstrategy.yaml" },
        { "encoded slash twice", "2026%252F10.csv" },
        { "control character", "bell%07.csv" },
        { "backslash", "..%5Cevil.csv" },
        { "hash", "2026-10.csv%23fragment" },
        { "very long", new string('a', 900) + ".csv" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task HostileName_IsRefusedWithAnAnswer_AndNothingIsStored(string variant, string encodedName)
    {
        await using var host = await HostHarness.StartAsync(TestStorage.Account(azurite));
        // Azurite checks the link against the real time, so it is granted by the real clock, not the host's test clock.
        var grant = await new DepartmentAccess(host.Account, TimeProvider.System).GrantAsync("sales", TimeSpan.FromHours(1), default);
        var url = $"{grant.ContainerSasUrl.GetLeftPart(UriPartial.Path)}/{encodedName}{grant.ContainerSasUrl.Query}";
        using var http = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(url)) { Content = new StringContent("period,kpi,value\n2026-10,new-customers,5000\n") };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        var response = await http.SendAsync(put);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"{variant}: {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            return; // the storage service itself refused the name: nothing to handle
        }

        // Another department's upload is handled whatever the hostile name does to its container.
        await host.UploadAsync("hr", "2026-10.csv", new SubmissionCsvBuilder("2026-10").WithRow("social-hires", "4").BuildText());
        Assert.Equal("accepted", (await host.ResultAsync("hr", "2026-10.csv")).GetProperty("status").GetString());
        var strategy = await host.Services.GetRequiredService<StrategyBlob>().ReadVersionAsync(default);
        Assert.Contains("Northwind Traders", strategy?.Yaml);

        if (await ListAsync(host, "sales") is not [var stored])
        {
            return; // the emulator cannot even list the name (control characters): recorded in docs/reliability.md
        }

        var answer = JsonDocument.Parse(await Eventually.GetAsync(() => host.Blobs.ReadResultJsonAsync("sales", stored.BlobName, default), $"the answer to {variant}")).RootElement;
        var status = answer.GetProperty("status").GetString();
        var salesFigures = (await host.Figures.LoadAsync(new Period(2026, 10), new Period(2026, 10), default)).Where(f => f.DepartmentId == "sales").ToList();
        if (Core.Submissions.UploadName.IsSafe(stored.BlobName) && status == "accepted")
        {
            Assert.Equal(5000, Assert.Single(salesFigures).Value); // storage reduced it to a plain name in the department's own container
            return;
        }

        Assert.Equal("rejected", status);
        Assert.Matches("cannot be used|could not be read back", answer.GetProperty("problems")[0].GetProperty("message").GetString());
        Assert.Empty(salesFigures);
    }

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
