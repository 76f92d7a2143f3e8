using System.Net.Http.Json;

namespace Reporting.LocalDev;

/// <summary>
/// maildev's REST API: the messages received (<c>GET /api/email</c>), each one's raw source (<c>.eml</c>) and attachments.
/// </summary>
public sealed class MailDevInbox(Uri webAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = webAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<IReadOnlyList<MailDevMessage>> ListAsync(CancellationToken cancellationToken = default) =>
        await _http.GetFromJsonAsync<List<MailDevMessage>>("api/email", cancellationToken) ?? [];

    /// <summary>The message as received, as an <c>.eml</c> file's content.</summary>
    public Task<byte[]> SourceAsync(MailDevMessage message, CancellationToken cancellationToken = default) =>
        _http.GetByteArrayAsync($"api/email/{Uri.EscapeDataString(message.Id)}/download", cancellationToken);

    public Task<byte[]> AttachmentAsync(MailDevMessage message, MailDevAttachment attachment, CancellationToken cancellationToken = default) =>
        _http.GetByteArrayAsync($"api/email/{Uri.EscapeDataString(message.Id)}/attachment/{Uri.EscapeDataString(attachment.GeneratedFileName)}", cancellationToken);

    public void Dispose() => _http.Dispose();
}
