using Azure.Core;
using Azure.Core.Pipeline;

namespace Reporting.Storage.Metering;

/// <summary>Counts every request a client sends (retries included: Azure bills each), classified by service and method.</summary>
internal sealed class StorageOperationPolicy(StorageOperationCounter counter, StorageService service) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) => counter.Add(Classify(service, message.Request.Method, message.Request.Uri.Query));

    internal static StorageOperationKind Classify(StorageService service, RequestMethod method, string query)
    {
        var list = query.Contains("comp=list", StringComparison.OrdinalIgnoreCase);
        var container = query.Contains("restype=container", StringComparison.OrdinalIgnoreCase);
        return service switch
        {
            StorageService.Table => StorageOperationKind.Table,
            StorageService.Queue => method == RequestMethod.Get && !list ? StorageOperationKind.QueueReceive : StorageOperationKind.QueueWrite,
            _ when method == RequestMethod.Get && list => StorageOperationKind.BlobList,
            _ when method == RequestMethod.Put && container && !query.Contains("comp=", StringComparison.OrdinalIgnoreCase) => StorageOperationKind.BlobList,
            _ when method == RequestMethod.Get => StorageOperationKind.BlobRead,
            _ when method == RequestMethod.Put || method == RequestMethod.Post => StorageOperationKind.BlobWrite,
            _ => StorageOperationKind.BlobOther,
        };
    }
}
