// Key Vault for the storage connection string and the optional PDFsharp licence key; only the host's identity reads them.
param name string
param location string
param storageAccountName string
param readerPrincipalId string
param logAnalyticsWorkspaceId string

@secure()
@description('PDFsharp commercial licence key; empty means the AGPL licence.')
param pdfLicenseKey string = ''

@description('Whether a licence key is given (kept apart from the key so that outputs never touch the secret).')
param hasPdfLicense bool = false

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource storageConnection 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource pdfLicense 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (hasPdfLicense) {
  parent: vault
  name: 'pdfsharp-license'
  properties: { value: pdfLicenseKey }
}

resource readSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, readerPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [ { category: 'AuditEvent', enabled: true } ]
  }
}

output name string = vault.name
output storageConnectionSecretUri string = storageConnection.properties.secretUri
output pdfLicenseSecretUri string = hasPdfLicense ? '${vault.properties.vaultUri}secrets/pdfsharp-license' : ''
