// Upload events, the push path: Event Grid reports every blob created in a submissions-* container to a storage queue,
// and the Ingest function's queue trigger handles the upload from there; the hourly safety net finds what an event missed. Event Grid delivers with its own (system-assigned) identity, since the
// account takes no shared keys; the host reads the queue with its managed identity, like the rest of storage.
param storageAccountName string
param location string

@description('Principal (object) id of the host\'s managed identity: it reads, hides, deletes and sets aside messages.')
param hostPrincipalId string

@description('The queue the events go to (the app setting SubmissionEventQueue); <name>-poison beside it keeps what cannot be handled.')
param queueName string = 'submission-events'

@description('Only blobs in containers whose name starts with this are reported: the departments\' upload containers.')
param containerPrefix string = 'submissions-'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource eventQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: queueName
}

resource poisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: '${queueName}-poison'
}

// Built-in role definitions (the same ids in every tenant).
// Put messages on a queue: all Event Grid needs.
var queueMessageSender = 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'

// The host receives, hides (updates), deletes and forwards messages and makes sure both queues exist: Queue Data
// Contributor, granted on these two queues only, not the account (Message Processor alone cannot update or send).
var queueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: '${storageAccountName}-events'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource topicSendsToQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(eventQueue.id, 'eventgrid', queueMessageSender)
  scope: eventQueue
  properties: {
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueMessageSender)
  }
}

resource hostReadsEvents 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(eventQueue.id, hostPrincipalId, queueDataContributor)
  scope: eventQueue
  properties: {
    principalId: hostPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueDataContributor)
  }
}

resource hostKeepsPoison 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(poisonQueue.id, hostPrincipalId, queueDataContributor)
  scope: poisonQueue
  properties: {
    principalId: hostPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueDataContributor)
  }
}

// BlobCreated in the departments' containers only (answers, scorecards and locks are never reported), in the Event Grid
// schema (plain JSON; host.json reads messages with messageEncoding none); Event Grid retries a failed delivery for a
// day, and what it gives up on the hourly safety net still finds.
resource toQueue 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = {
  parent: systemTopic
  name: 'submissions-to-queue'
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [ 'Microsoft.Storage.BlobCreated' ]
      subjectBeginsWith: '/blobServices/default/containers/${containerPrefix}'
    }
    deliveryWithResourceIdentity: {
      identity: { type: 'SystemAssigned' }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: queueName
          queueMessageTimeToLiveInSeconds: 604800
        }
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
  dependsOn: [ topicSendsToQueue ]
}

output queueName string = eventQueue.name
output poisonQueueName string = poisonQueue.name
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output systemTopicName string = systemTopic.name
