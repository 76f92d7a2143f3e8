// The pipeline's storage account: uploads, scorecards, configuration, tables. Versioning and soft delete so that
// nothing is lost by mistake; a lifecycle rule moves old submissions to cheaper tiers.
param name string
param location string
param departmentIds array
param logAnalyticsWorkspaceId string

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
    allowSharedKeyAccess: true // the host's storage client and the departments' SAS links use the account key
    supportsHttpsTrafficOnly: true
    accessTier: 'Hot'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 30 }
    containerDeleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource sharedContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for container in ['scorecards', 'config']: {
  parent: blobService
  name: container
  properties: { publicAccess: 'None' }
}]

resource submissionContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for id in departmentIds: {
  parent: blobService
  name: 'submissions-${id}'
  properties: { publicAccess: 'None' }
}]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for table in ['kpifigures', 'submissions', 'blobreceipts', 'scorecardruns']: {
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
