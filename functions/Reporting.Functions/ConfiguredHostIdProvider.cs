using System.Text.RegularExpressions;
using Microsoft.Azure.WebJobs.Host.Executors;

namespace Reporting.Functions;

/// <summary>
/// The same host id on every instance (setting <c>HostId</c>, default "reporting"). Singleton locks and the schedule trigger's
/// status blobs are named after it; the SDK's default (machine name + assembly) would differ per machine,
/// and then every instance would run the monthly timer.
/// </summary>
internal sealed partial class ConfiguredHostIdProvider : IHostIdProvider
{
    private readonly string _hostId;

    public ConfiguredHostIdProvider(string? hostId)
    {
        _hostId = string.IsNullOrWhiteSpace(hostId) ? "reporting" : hostId;
        if (!HostIdPattern().IsMatch(_hostId))
        {
            throw new InvalidOperationException($"HostId '{_hostId}' must be 1-32 lowercase letters, digits or hyphens, starting and ending with a letter or digit.");
        }
    }

    public Task<string> GetHostIdAsync(CancellationToken cancellationToken) => Task.FromResult(_hostId);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$")]
    private static partial Regex HostIdPattern();
}
