using Azure.Core;
using Azure.Core.Pipeline;

namespace Reporting.Storage.AzureRules;

/// <summary>
/// Refuses, before sending, every Tables or Blobs request that Azure Storage would refuse but Azurite accepts, so tests
/// against the emulator catch what only production would. Each refusal is recorded in <paramref name="violations"/>
/// and thrown as <see cref="AzureRuleViolationException"/>. Add it with <c>HttpPipelinePosition.PerCall</c>: it then
/// checks each call once, before the retry policy; blob bodies are never read.
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
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
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
