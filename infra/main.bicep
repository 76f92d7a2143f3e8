// Reporting in Azure: storage, the Function App on Flex Consumption, its identity, Event Grid, Key Vault and monitoring.
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

@description('Always-ready instances for the Ingest function: 0 scales to zero (a cold start before the first answer after an idle spell), 1 answers within seconds at all times (docs/deploy.md has the cost).')
@minValue(0)
param alwaysReadyIngestInstances int = 0

@description('The most instances the Function App scales out to.')
@minValue(1)
param maximumInstanceCount int = 20

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

@description('The safety net\'s schedule (six-field cron, UTC): uploads an event missed are put on the queue.')
param safetyNetSchedule string = '0 0 * * * *'

@description('How many of one department\'s uploads are ingested at once across all instances; its further events wait, so other departments\' uploads pass a flood.')
@minValue(1)
param ingestMaxInFlightPerDepartment int = 4

@description('A month marked stale by late figures is rendered again at most once in this interval (a .NET TimeSpan).')
param rerenderInterval string = '01:00:00'

@description('At most one "updated" scorecard mail per month in this interval, whatever the number of versions; the latest goes when it has passed (a .NET TimeSpan).')
param updateMailInterval string = '1.00:00:00'

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

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    namePrefix: prefix
    location: location
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobServiceUri: storage.outputs.blobEndpoint
    storageTableServiceUri: storage.outputs.tableEndpoint
    storageQueueServiceUri: events.outputs.queueEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    eventQueueName: events.outputs.queueName
    safetyNetSchedule: safetyNetSchedule
    ingestMaxInFlightPerDepartment: ingestMaxInFlightPerDepartment
    rerenderInterval: rerenderInterval
    updateMailInterval: updateMailInterval
    alwaysReadyIngestInstances: alwaysReadyIngestInstances
    maximumInstanceCount: maximumInstanceCount
    pdfLicenseSecretUri: keyVault.outputs.pdfLicenseSecretUri
    smtpSecretUri: keyVault.outputs.smtpSecretUri
    mailHost: mailHost
    mailPort: mailPort
    mailSecurity: mailSecurity
    mailSender: mailSender
    mailUserName: mailUserName
    insightsConnectionString: monitoring.outputs.insightsConnectionString
  }
}

output storageAccountName string = storage.outputs.name
output blobEndpoint string = storage.outputs.blobEndpoint
output tableEndpoint string = storage.outputs.tableEndpoint
output hostIdentityClientId string = identity.outputs.clientId
output keyVaultName string = keyVault.outputs.name
output functionAppName string = functionApp.outputs.name
output applicationInsightsName string = monitoring.outputs.insightsName
output logAnalyticsWorkspaceName string = monitoring.outputs.workspaceName
