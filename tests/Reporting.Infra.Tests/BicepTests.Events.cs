using System.Text.Json;

namespace Reporting.Infra.Tests;

/// <summary>The push path in the compiled ARM: BlobCreated in submissions-* containers, to a queue, by identities, and the host told to read it.</summary>
public sealed partial class BicepTests
{
    private const string QueueMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";

    [Fact]
    public void Events_SubscriptionSendsOnlyBlobCreatedInSubmissionContainers_ToTheQueue_WithTheTopicsIdentity()
    {
        var events = Module("events");
        var subscription = Resource(events, "Microsoft.EventGrid/systemTopics/eventSubscriptions").GetProperty("properties");

        var filter = subscription.GetProperty("filter");
        Assert.Equal(["Microsoft.Storage.BlobCreated"], filter.GetProperty("includedEventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("[format('/blobServices/default/containers/{0}', parameters('containerPrefix'))]", filter.GetProperty("subjectBeginsWith").GetString());
        Assert.Equal("submissions-", events.GetProperty("parameters").GetProperty("containerPrefix").GetProperty("defaultValue").GetString());

        // Delivered with the system topic's own identity (the account takes no keys), never a key-based destination.
        Assert.False(subscription.TryGetProperty("destination", out _));
        var delivery = subscription.GetProperty("deliveryWithResourceIdentity");
        Assert.Equal("SystemAssigned", delivery.GetProperty("identity").GetProperty("type").GetString());
        var destination = delivery.GetProperty("destination");
        Assert.Equal("StorageQueue", destination.GetProperty("endpointType").GetString());
        Assert.Equal("[parameters('queueName')]", destination.GetProperty("properties").GetProperty("queueName").GetString());
        Assert.Equal("EventGridSchema", subscription.GetProperty("eventDeliverySchema").GetString());

        var topic = Resource(events, "Microsoft.EventGrid/systemTopics");
        Assert.Equal("SystemAssigned", topic.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.GetProperty("properties").GetProperty("topicType").GetString());
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", topic.GetProperty("properties").GetProperty("source").GetString());
        AssertModuleOutput("storage", "name", ModuleParameter("events", "storageAccountName"));
    }

    [Fact]
    public void Events_TopicMaySendToTheQueue_AndTheHostMayProcessTheQueueAndItsPoisonQueue_AndNothingMore()
    {
        var events = Module("events");
        var assignments = Resources(events, "Microsoft.Authorization/roleAssignments")
            .Select(a => (Role: RoleId(events, a), Scope: a.GetProperty("scope").GetString()!, Principal: a.GetProperty("properties").GetProperty("principalId").GetString()!))
            .OrderBy(a => a.Role).ThenBy(a => a.Scope)
            .ToList();

        const string queue = "[resourceId('Microsoft.Storage/storageAccounts/queueServices/queues', parameters('storageAccountName'), 'default', parameters('queueName'))]";
        const string poison = "[resourceId('Microsoft.Storage/storageAccounts/queueServices/queues', parameters('storageAccountName'), 'default', format('{0}-poison', parameters('queueName')))]";
        const string topicIdentity = "[reference(resourceId('Microsoft.EventGrid/systemTopics', format('{0}-events', parameters('storageAccountName'))), '2022-06-15', 'full').identity.principalId]";
        Assert.Equal(
            new[]
            {
                (QueueDataContributor, queue, "[parameters('hostPrincipalId')]"),
                (QueueDataContributor, poison, "[parameters('hostPrincipalId')]"),
                (QueueMessageSender, queue, topicIdentity),
            }.OrderBy(a => a.Item1).ThenBy(a => a.Item2),
            assignments);
        AssertModuleOutput("identity", "principalId", ModuleParameter("events", "hostPrincipalId"));
    }

    [Fact]
    public void FunctionApp_ReadsTheEventsQueue_WithItsIdentity()
    {
        var app = Module("functionapp");
        Assert.Equal("[parameters('eventQueueName')]", Env(app, "triggerSettings")["SubmissionEventQueue"]);
        Assert.Equal("[parameters('storageQueueServiceUri')]", Env(app, "storageSettings")["AzureWebJobsStorage__queueServiceUri"]);

        AssertModuleOutput("events", "queueName", ModuleParameter("functionapp", "eventQueueName"));
        AssertModuleOutput("events", "queueEndpoint", ModuleParameter("functionapp", "storageQueueServiceUri"));
    }

    private static Dictionary<string, string> Env(JsonElement template, string variable) =>
        template.GetProperty("variables").GetProperty(variable).EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("value").GetString()!);
}
