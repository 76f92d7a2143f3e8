// The storage the pipeline needs in Azure: one account with the containers and tables the host creates locally.
// The compute, identity, Key Vault and monitoring are added by the deployment work (see README, "Deploying").
targetScope = 'resourceGroup'

@description('Name prefix for the resources, for example reporting-prod.')
@minLength(3)
@maxLength(11)
param prefix string

@description('Azure region; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Department ids from strategy.yaml; each gets its own submission container.')
param departmentIds array = []

var storageName = toLower('${replace(prefix, '-', '')}${uniqueString(resourceGroup().id)}')

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(storageName, 24)
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: 30 }
  }
}

resource sharedContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for name in ['scorecards', 'config']: {
  parent: blobService
  name: name
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

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [for name in ['kpifigures', 'submissions', 'blobreceipts']: {
  parent: tableService
  name: name
}]

output storageAccountName string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
