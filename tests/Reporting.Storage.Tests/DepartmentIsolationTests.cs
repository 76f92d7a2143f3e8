using System.Net;
using System.Text;
using Reporting.Storage.Blobs;
using Reporting.Testing;

namespace Reporting.Storage.Tests;

/// <summary>What a department can do with the credential from `reporting grant`, tried with plain HTTP as its tools would.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DepartmentIsolationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly HttpClient Http = new();
    private readonly ReportingStorageAccount _account = TestStorage.Account(azurite);
    private DepartmentGrant _sales = null!;

    public async Task InitializeAsync()
    {
        await _account.EnsureCreatedAsync(["sales", "hr"]);
        await new SubmissionBlobs(_account).UploadAsync("hr", "2026-10.csv", new MemoryStream("hr figures"u8.ToArray()), default);
        _sales = await new DepartmentAccess(_account, TimeProvider.System).GrantAsync("sales", TimeSpan.FromDays(30), default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, string? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("x-ms-version", "2021-08-06");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "text/csv");
            request.Headers.Add("x-ms-blob-type", "BlockBlob");
        }

        return Http.SendAsync(request);
    }

    private Uri InOtherContainer(Uri url, string department) =>
        new(url.ToString().Replace(_account.SubmissionContainer("sales").Name, _account.SubmissionContainer(department).Name, StringComparison.Ordinal));

    private static Uri ListUrl(Uri containerSas) => new($"{containerSas}&restype=container&comp=list");

    [Fact]
    public async Task OwnContainer_UploadReadAndList_AreAllowed()
    {
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Put, _sales.UploadUrl("2026-10.csv"), "period,kpi,value\n")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync(HttpMethod.Put, _sales.UploadUrl("2026-10.csv"), "period,kpi,value\n2026-10,x,1\n")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, _sales.UploadUrl("2026-10.csv"))).StatusCode);
        var listing = await SendAsync(HttpMethod.Get, ListUrl(_sales.ContainerSasUrl));
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        Assert.Contains("2026-10.csv", await listing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OwnAnswers_ReadAndList_AreAllowed_WriteCreateAndDelete_AreDenied()
    {
        var blobs = new SubmissionBlobs(_account);
        await blobs.UploadAsync("sales", "2026-10.csv", new MemoryStream("period,kpi,value\n"u8.ToArray()), default);
        var upload = new SubmissionUpload(_account.SubmissionContainer("sales").Name, "sales", "2026-10.csv", "\"e\"", 1);
        await blobs.WriteResultAsync(upload, "Rejected: 1 problem", [], "{\"status\":\"rejected\"}", default);

        var answer = await SendAsync(HttpMethod.Get, _sales.AnswerUrl("2026-10.csv.txt"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Rejected: 1 problem", await answer.Content.ReadAsStringAsync());
        var listing = await SendAsync(HttpMethod.Get, ListUrl(_sales.AnswersSasUrl));
        Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
        Assert.Contains("2026-10.csv.json", await listing.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, _sales.AnswerUrl("2026-10.csv.txt"), "Accepted")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, _sales.AnswerUrl("2026-11.csv.json"), "{\"status\":\"accepted\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Delete, _sales.AnswerUrl("2026-10.csv.json"))).StatusCode);
        Assert.Equal("Rejected: 1 problem", (await _account.AnswerContainer("sales").GetBlobClient("2026-10.csv.txt").DownloadContentAsync()).Value.Content.ToString());
        Assert.False(await _account.AnswerContainer("sales").GetBlobClient("2026-11.csv.json").ExistsAsync());
    }

    [Fact]
    public async Task UploadLink_CannotReachTheAnswerContainer_NorTheAnswerLinkTheUploads()
    {
        var forged = new Uri(_sales.UploadUrl("2026-10.csv.txt").ToString().Replace(_account.SubmissionContainer("sales").Name, _account.AnswerContainer("sales").Name, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, forged, "Accepted")).StatusCode);
        var upload = new Uri(_sales.AnswerUrl("2026-12.csv").ToString().Replace(_account.AnswerContainer("sales").Name, _account.SubmissionContainer("sales").Name, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, upload, "period,kpi,value\n")).StatusCode);
    }

    [Fact]
    public async Task OwnContainer_Delete_IsDenied()
    {
        await SendAsync(HttpMethod.Put, _sales.UploadUrl("keep.csv"), "x");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Delete, _sales.UploadUrl("keep.csv"))).StatusCode);
    }

    [Fact]
    public async Task OtherDepartment_ReadWriteListAndDelete_AreAllDenied()
    {
        var hrFile = InOtherContainer(_sales.UploadUrl("2026-10.csv"), "hr");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, hrFile)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, hrFile, "overwrite")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Delete, hrFile)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, ListUrl(InOtherContainer(_sales.ContainerSasUrl, "hr")))).StatusCode);
        Assert.Equal("hr figures", (await _account.SubmissionContainer("hr").GetBlobClient("2026-10.csv").DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task AccountWide_ListingContainersAndOtherContainers_AreDenied()
    {
        var root = new Uri($"{_sales.ContainerSasUrl.GetLeftPart(UriPartial.Authority)}/{LocalDev.AzuriteEmulator.AccountName}{_sales.ContainerSasUrl.Query}&comp=list");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, root)).StatusCode);
        var scorecards = new Uri(_sales.UploadUrl("x").ToString().Replace(_account.SubmissionContainer("sales").Name + "/x", _account.Options.ScorecardContainer + "/2026-10/leadership.pdf", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, scorecards)).StatusCode);
    }

    [Fact]
    public async Task ExpiredCredential_IsDenied()
    {
        var twoDaysAgo = new FixedClock(DateTimeOffset.UtcNow.AddDays(-2));
        var expired = await new DepartmentAccess(_account, twoDaysAgo).GrantAsync("sales", TimeSpan.FromDays(1), default);

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, expired.UploadUrl("late.csv"), "x")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Get, ListUrl(expired.ContainerSasUrl))).StatusCode);
    }

    [Fact]
    public async Task TamperedSignature_IsDenied()
    {
        var url = _sales.UploadUrl("x.csv").ToString();
        var signatureAt = url.IndexOf("sig=", StringComparison.Ordinal) + 4;
        var tampered = new Uri(url[..signatureAt] + (url[signatureAt] == 'A' ? 'B' : 'A') + url[(signatureAt + 1)..]);

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(HttpMethod.Put, tampered, "x")).StatusCode);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
