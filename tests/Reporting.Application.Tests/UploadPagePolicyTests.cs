using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Reporting.Application.Pages;

namespace Reporting.Application.Tests;

/// <summary>
/// The upload page's Content-Security-Policy, checked without a browser: its one inline script is the one the policy's
/// hash allows (an edit to the loader that forgets the hash fails here first), and the policy is the strict one.
/// UploadPageBrowserTests shows Chromium reports no violation while the page works.
/// </summary>
public sealed partial class UploadPagePolicyTests
{
    [Fact]
    public void Index_AllowsItsInlineLoaderByHash_AndNothingElseInline()
    {
        var html = Encoding.UTF8.GetString(UploadPageAssets.All.Single(f => f.Name == ".page/index.html").Content);

        var loader = Assert.Single(InlineScript().Matches(html)).Groups["body"].Value;
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(loader)));
        Assert.Equal(
            $"default-src 'none'; script-src 'sha256-{hash}' 'strict-dynamic'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'",
            Policy().Match(html).Groups["policy"].Value);
        Assert.True(html.IndexOf("Content-Security-Policy", StringComparison.Ordinal) < html.IndexOf("<script", StringComparison.Ordinal), "the policy comes before the first script");
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", html); // no inline event handlers
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal); // no inline styles ('self' only)
    }

    [GeneratedRegex(@"<script>(?<body>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<meta http-equiv=""Content-Security-Policy"" content=""(?<policy>[^""]+)"">")]
    private static partial Regex Policy();
}
