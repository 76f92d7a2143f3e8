using System.Security.Cryptography;
using Reporting.Storage.Blobs;

namespace Reporting.Application.Pages;

/// <summary>
/// The upload page's static files (UploadPage/, embedded in this assembly), as published under <c>.page/</c> in each
/// answer container. <see cref="Version"/> changes with their content, so a deploy with a changed page republishes it.
/// </summary>
public static class UploadPageAssets
{
    private static readonly (string Resource, string ContentType)[] Files =
    [
        ("index.html", "text/html; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
        ("style.css", "text/css; charset=utf-8"),
    ];

    private static readonly Lazy<IReadOnlyList<PageFile>> Loaded = new(Load);

    /// <summary>The page's files with their blob names (<c>.page/index.html</c>, ...) and content types.</summary>
    public static IReadOnlyList<PageFile> All => Loaded.Value;

    /// <summary>A short hash of every file, for the guide's stamp.</summary>
    public static string Version { get; } = Convert.ToHexString(SHA256.HashData(All.SelectMany(f => f.Content).ToArray()))[..16];

    private static IReadOnlyList<PageFile> Load()
    {
        var assembly = typeof(UploadPageAssets).Assembly;
        return Files.Select(f =>
        {
            using var stream = assembly.GetManifestResourceStream("UploadPage/" + f.Resource)
                ?? throw new InvalidOperationException($"The upload page's {f.Resource} is not embedded in {assembly.GetName().Name}.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return new PageFile(DepartmentPageBlobs.Folder + f.Resource, copy.ToArray(), f.ContentType);
        }).ToList();
    }
}
