// Reporting in Azure: storage, the host on Container Apps, its identity, Key Vault, registry and monitoring.
// Deploy with docs/deploy.md. Parameters per environment: dev.bicepparam, prod.bicepparam.
targetScope = 'resourceGroup'

@description('Short environment name used in resource names, for example dev or prod.')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Department ids from strategy.yaml; each gets its own submission container.')
param departmentIds array

@description('Deploy the host. The first deployment sets this to false, then the image is built into the registry, then true.')
param deployHost bool = true

@description('The host image tag in the registry (reporting-host:<tag>).')
param imageTag string = 'latest'

@description('Replicas of the host: at least 1 keeps the blob trigger and the timer running.')
@minValue(1)
param minReplicas int = 1

@minValue(1)
param maxReplicas int = 2

@secure()
@description('PDFsharp commercial licence key; leave empty to run under the AGPL-3.0 licence.')
param pdfLicenseKey string = ''

@secure()
@description('SMTP password, stored as the Key Vault secret smtp-password when given; empty writes no secret.')
param smtpPassword string = ''

@description('The SMTP relay the host mails scorecards and reminders through (Mail:Host); empty leaves mail off.')
param mailHost string = ''

@description('The relay\'s port: 587 (STARTTLS) or 465 (TLS on connect).')
param mailPort int = 587

@description('How the host secures the relay connection (Mail:Security). Every choice requires TLS: Tls picks TLS on connect for port 465 and STARTTLS otherwise; None (plain text) is for a local maildev only and cannot be chosen here.')
@allowed([ 'Tls', 'StartTls', 'SslOnConnect' ])
param mailSecurity string = 'Tls'

@description('The sender address (Mail:Sender), for example scorecards@example.org.')
param mailSender string = ''

@description('The relay\'s user name (Mail:UserName); its password is smtpPassword, kept in Key Vault.')
param mailUserName string = ''

@description('Origins of a copy of the department upload page hosted outside storage, allowed by the blob service\'s CORS rule to PUT blobs with a SAS link, for example [ \'https://reporting.example.org\' ]. The page the pipeline publishes in each answer container is same-origin and needs none. Empty: no CORS rule.')
@maxLength(64)
param uploadPageOrigins array = []

@description('How often the host lists every submission container anyway, although Event Grid reports each upload: the safety net for a lost event (hh:mm:ss).')
param scanSafetyNetInterval string = '01:00:00'

var prefix = 'reporting-${environmentName}'
var suffix = uniqueString(resourceGroup().id, environmentName)

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { namePrefix: prefix, location: location }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: '${prefix}-host-identity', location: location }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take('rep${environmentName}${suffix}', 24)
    location: location
    departmentIds: departmentIds
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    hostPrincipalId: identity.outputs.principalId
    uploadPageOrigins: uploadPageOrigins
  }
}

// The push path: BlobCreated in the submission containers -> Event Grid -> a storage queue the host reads.
module events 'modules/events.bicep' = {
  name: 'events'
  params: {
    storageAccountName: storage.outputs.name
    location: location
    hostPrincipalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('rep-${environmentName}-${suffix}', 24)
    location: location
    readerPrincipalId: identity.outputs.principalId
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    pdfLicenseKey: pdfLicenseKey
    hasPdfLicense: !empty(pdfLicenseKey)
    smtpPassword: smtpPassword
    hasSmtpPassword: !empty(smtpPassword)
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    name: take('rep${environmentName}${suffix}', 50)
    location: location
    pullerPrincipalId: identity.outputs.principalId
  }
}

module host 'modules/host.bicep' = if (deployHost) {
  name: 'host'
  params: {
    namePrefix: prefix
    location: location
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    registryLoginServer: registry.outputs.loginServer
    image: '${registry.outputs.loginServer}/reporting-host:${imageTag}'
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    storageBlobServiceUri: storage.outputs.blobEndpoint
    storageTableServiceUri: storage.outputs.tableEndpoint
    storageQueueServiceUri: events.outputs.queueEndpoint
    eventQueueName: events.outputs.queueName
    scanSafetyNetInterval: scanSafetyNetInterval
    pdfLicenseSecretUri: keyVault.outputs.pdfLicenseSecretUri
    smtpSecretUri: keyVault.outputs.smtpSecretUri
    mailHost: mailHost
    mailPort: mailPort
    mailSecurity: mailSecurity
    mailSender: mailSender
    mailUserName: mailUserName
    insightsConnectionString: monitoring.outputs.insightsConnectionString
    minReplicas: minReplicas
    maxReplicas: maxReplicas
  }
}

output storageAccountName string = storage.outputs.name
output blobEndpoint string = storage.outputs.blobEndpoint
output tableEndpoint string = storage.outputs.tableEndpoint
output hostIdentityClientId string = identity.outputs.clientId
output keyVaultName string = keyVault.outputs.name
output registryName string = registry.outputs.name
output registryLoginServer string = registry.outputs.loginServer
output hostName string = deployHost ? host!.outputs.name : ''
output applicationInsightsName string = monitoring.outputs.insightsName
output logAnalyticsWorkspaceName string = monitoring.outputs.workspaceName
