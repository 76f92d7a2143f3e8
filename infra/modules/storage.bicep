// The pipeline's storage account: uploads, scorecards, configuration, tables. Versioning and soft delete so that
// nothing is lost by mistake; a lifecycle rule moves old submissions to cheaper tiers.
// No account key is used anywhere: shared key access is off, the host signs in with its managed identity (Microsoft
// Entra ID) and the departments' upload links are user-delegation SAS, signed with a key the host gets from Entra ID.
param name string
param location string
param departmentIds array
param logAnalyticsWorkspaceId string

@description('Principal (object) id of the host\'s managed identity: it gets the data-plane roles below.')
param hostPrincipalId string

@description('Origins of a copy of the department upload page hosted outside storage (for example https://reporting.example.org), allowed to GET, PUT and HEAD blobs from a browser with a SAS link. The published page (in each answer container) is same-origin and needs none. Empty: no CORS rule.')
@maxLength(64)
param uploadPageOrigins array = []

@description('The container the Function App\'s deployment package goes to (functionAppConfig.deployment).')
param deploymentContainerName string = 'app-package'

@description('Days before a submission blob moves to the cool tier.')
param coolAfterDays int = 90

@description('Days before a submission blob moves to the archive tier.')
param archiveAfterDays int = 400

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // Entra ID only: no account key signs a request or a SAS (account SAS stops working too)
    defaultToOAuthAuthentication: true // the portal uses Entra ID as well
    allowCrossTenantReplication: false
    supportsHttpsTrafficOnly: true
    accessTier: 'Hot'
  }
}

// The host's data-plane roles on this account, with the built-in role definitions' ids (the same in every tenant).

// Create containers, read, write and delete blobs, take blob and container leases (the monthly render lock), and what
// the Functions host needs with an identity: Storage Blob Data Owner, which its timers' locks (blob leases in
// azure-webjobs-hosts) require, and which the platform's deployment from the package container uses too.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'

// Create tables; query, insert, update and delete entities (figures, submissions, runs, deliveries).
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

// Get a user delegation key, to sign the departments' upload links (user-delegation SAS). Blob Data Owner holds
// this action too; the explicit role says why the host has it and keeps it should the data role ever be narrowed to
// single containers, since the key is asked for at the account.
var storageBlobDelegator = 'db58b8e5-c6ad-4a2a-8342-4190687cbf4a'

resource hostBlobData 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, hostPrincipalId, storageBlobDataOwner)
  scope: storage
  properties: {
    principalId: hostPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
  }
}

resource hostTableData 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, hostPrincipalId, storageTableDataContributor)
  scope: storage
  properties: {
    principalId: hostPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
  }
}

resource hostBlobDelegator 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, hostPrincipalId, storageBlobDelegator)
  scope: storage
  properties: {
    principalId: hostPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDelegator)
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
    // Only for a copy of the upload page on another origin; the published page lives in the answer containers, same-origin.
    cors: {
      corsRules: empty(uploadPageOrigins) ? [] : [
        {
          allowedOrigins: uploadPageOrigins
          allowedMethods: [ 'GET', 'PUT', 'HEAD', 'OPTIONS' ]
          allowedHeaders: [ 'content-type', 'content-md5', 'if-match', 'if-none-match', 'x-ms-*' ]
          exposedHeaders: [ 'etag', 'last-modified', 'content-length', 'content-type', 'content-md5', 'x-ms-*' ]
          maxAgeInSeconds: 3600
        }
      ]
    }
  }
}

resource sharedContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in ['scorecards', 'config', 'outbox', 'locks', deploymentContainerName]: {
  parent: blobService
  name: container
  properties: { publicAccess: 'None' }
}]

resource submissionContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for id in departmentIds: {
  parent: blobService
  name: 'submissions-${id}'
  properties: { publicAccess: 'None' }
}]

// The pipeline's answers to each department's uploads: the department's link reads them, never writes them.
resource answerContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for id in departmentIds: {
  parent: blobService
  name: 'answers-${id}'
  properties: { publicAccess: 'None' }
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in ['kpifigures', 'submissions', 'scorecardruns', 'deliveries']: {
  parent: tableService
  name: table
}]

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'old-submissions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [ 'blockBlob' ]
              prefixMatch: [ 'submissions-' ]
            }
            actions: {
              baseBlob: {
                tierToCool: { daysAfterModificationGreaterThan: coolAfterDays }
                tierToArchive: { daysAfterModificationGreaterThan: archiveAfterDays }
              }
              version: {
                delete: { daysAfterCreationGreaterThan: 365 }
              }
            }
          }
        }
      ]
    }
  }
}

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      { category: 'StorageRead', enabled: true }
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
    metrics: [ { category: 'Transaction', enabled: true } ]
  }
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output tableEndpoint string = storage.properties.primaryEndpoints.table
output deploymentContainerName string = deploymentContainerName
