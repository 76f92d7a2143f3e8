// Key Vault for the host's few real secrets (the optional PDFsharp licence key, an SMTP password when mail is set up);
// only the host's identity reads them. Storage needs no secret: the host signs in to it with its managed identity.
param name string
param location string
param readerPrincipalId string
param logAnalyticsWorkspaceId string

@secure()
@description('PDFsharp commercial licence key; empty means the AGPL licence.')
param pdfLicenseKey string = ''

@description('Whether a licence key is given (kept apart from the key so that outputs never touch the secret).')
param hasPdfLicense bool = false

@secure()
@description('SMTP password for mail the host may send later; empty means no secret is written (set it with az keyvault secret set).')
param smtpPassword string = ''

@description('Whether an SMTP password is given (kept apart from the password so that outputs never touch the secret).')
param hasSmtpPassword bool = false

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

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

resource pdfLicense 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (hasPdfLicense) {
  parent: vault
  name: 'pdfsharp-license'
  properties: { value: pdfLicenseKey }
}

resource smtp 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (hasSmtpPassword) {
  parent: vault
  name: 'smtp-password'
  properties: { value: smtpPassword }
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
output pdfLicenseSecretUri string = hasPdfLicense ? '${vault.properties.vaultUri}secrets/pdfsharp-license' : ''
output smtpSecretUri string = hasSmtpPassword ? '${vault.properties.vaultUri}secrets/smtp-password' : ''
