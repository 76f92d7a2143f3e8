using Azure.Core;
using Azure.Core.Pipeline;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// Refuses, before sending, every Tables or Blobs request that Azure Storage would refuse but Azurite accepts, so tests
/// against the emulator catch what only production would. Each refusal is recorded in <paramref name="violations"/>
/// and thrown as <see cref="AzureRuleViolationException"/>. Add it with <c>HttpPipelinePosition.PerCall</c>: it then
/// checks each call once, before the retry policy; blob bodies are never read. A table body it has read (an entity, or
/// a batch) is then sent as those bytes: the same bytes the SDK's content would write, without the SDK serialising a
/// batch's parts again to send it.
/// </summary>
public sealed class AzureRulesPolicy(AzureRuleViolations violations) : HttpPipelinePolicy
{
    private readonly AzureRuleViolations _violations = violations ?? throw new ArgumentNullException(nameof(violations));

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var request = message.Request;
        var isTable = TableRequestRules.IsTableRequest(request);
        var body = isTable && TableRequestRules.NeedsBody(request) ? RequestBody.Read(request.Content, message.CancellationToken) : null;
        Enforce(request, isTable, body);
        SendAsRead(request, body);
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var request = message.Request;
        var isTable = TableRequestRules.IsTableRequest(request);
        var body = isTable && TableRequestRules.NeedsBody(request)
            ? await RequestBody.ReadAsync(request.Content, message.CancellationToken).ConfigureAwait(false)
            : null;
        Enforce(request, isTable, body);
        SendAsRead(request, body);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    // The body as read is what the content writes each time (see RequestBody), so sending it (and resending it on a
    // retry) sends the same bytes, and spares the transport computing a batch's length and writing it out once more.
    private static void SendAsRead(Request request, byte[]? body)
    {
        if (body is not null)
        {
            request.Content = RequestContent.Create(body);
        }
    }

    private void Enforce(Request request, bool isTable, byte[]? body)
    {
        var uri = request.Uri.ToUri();
        var breach = isTable ? TableRequestRules.Check(request, body) : BlobNameRule.Check(uri);
        if (breach is null)
        {
            return;
        }

        var violation = new AzureRuleViolation(breach.Rule, breach.Detail, request.Method.Method, new Uri(uri.GetLeftPart(UriPartial.Path)));
        _violations.Add(violation);
        throw new AzureRuleViolationException(violation);
    }
}
