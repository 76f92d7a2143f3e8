// The Function App on Flex Consumption (FC1): the isolated worker (.NET 10) with its queue and timer functions. It scales
// to zero between uploads and out with the events queue. Storage, the deployment package included, is reached with the
// app's user-assigned identity (identity-based AzureWebJobsStorage): no connection string, no account key anywhere.
param namePrefix string
param location string
param identityId string

@description('Client (application) id of the user-assigned identity: the host and the worker ask Entra ID for tokens as this identity.')
param identityClientId string

@description('The storage account\'s blob endpoint, for example https://<account>.blob.core.windows.net/.')
param storageBlobServiceUri string

@description('The storage account\'s table endpoint.')
param storageTableServiceUri string

@description('The storage account\'s queue endpoint: the upload events\' queue, read by the Ingest function.')
param storageQueueServiceUri string

@description('The blob container the deployment package goes to (storage module), read by the platform with the app\'s identity.')
param deploymentContainerName string

@description('The queue Event Grid delivers the submission containers\' BlobCreated events to (events module): app setting SubmissionEventQueue.')
param eventQueueName string

@description('The memory of each instance. The monthly run at 1,000 departments peaks near 930 MB (docs/benchmarks.md): 2048 leaves room; 512 and 1024 would not.')
@allowed([ 2048, 4096 ])
param instanceMemoryMB int = 2048

@description('The most instances the app scales out to (the events queue drives it; each takes four messages at a time, host.json).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 20

@description('Always-ready instances for the Ingest function: 0 lets the app scale to zero (the first upload after an idle spell waits for a cold start, about 5-15 s); 1 answers within seconds at all times, at the always-ready rate (docs/deploy.md).')
@minValue(0)
param alwaysReadyIngestInstances int = 0

@description('The longest the queue trigger waits between polls of an empty queue on a running instance (host.json extensions.queues.maxPollingInterval, overridden here).')
param queueMaxPollingInterval string = '00:00:02'

@description('The safety net\'s schedule (six-field cron, UTC): uploads without an answer, should an event be lost, go to the queue.')
param safetyNetSchedule string = '0 0 * * * *'

@description('How many of one department\'s uploads are ingested at once across all instances; its further events wait on the queue so other departments\' pass them (Ingest:MaxInFlightPerDepartment).')
@minValue(1)
param ingestMaxInFlightPerDepartment int = 4

@description('A stale month is rendered again at most once in this interval (extensions:monthlyScorecards:rerenderInterval, a .NET TimeSpan).')
param rerenderInterval string = '01:00:00'

@description('At most one "updated" scorecard mail per month in this interval; the latest version goes when it has passed (Mail:UpdateInterval, a .NET TimeSpan).')
param updateMailInterval string = '1.00:00:00'

param pdfLicenseSecretUri string

@description('Key Vault URI of the SMTP password (secret smtp-password); empty when the relay needs none. A Key Vault reference in the app setting Mail__Password.')
param smtpSecretUri string = ''

@description('The SMTP relay (Mail:Host, Mail:Port, Mail:Sender, Mail:UserName); an empty host leaves mail off.')
param mailHost string = ''
param mailPort int = 587
@description('How the relay connection is secured (Mail:Security); every choice requires TLS.')
@allowed([ 'Tls', 'StartTls', 'SslOnConnect' ])
param mailSecurity string = 'Tls'
param mailSender string = ''
param mailUserName string = ''
param insightsConnectionString string

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${namePrefix}-plan'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true } // Linux
}

// Identity-based AzureWebJobsStorage, the settings Azure Functions documents for a user-assigned identity: the
// Functions host (queue trigger, timers' locks) and our storage layer read the same ones.
var storageSettings = [
  { name: 'AzureWebJobsStorage__blobServiceUri', value: storageBlobServiceUri }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: storageQueueServiceUri }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: storageTableServiceUri }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
]

// The %Setting% names in the triggers (functions/Reporting.Functions/FunctionSettings.cs): UTC schedules.
var triggerSettings = [
  { name: 'SubmissionEventQueue', value: eventQueueName }
  { name: 'SafetyNetSchedule', value: safetyNetSchedule }
  { name: 'MonthlyCheckSchedule', value: '0 */10 * * * *' }
  { name: 'ReminderSchedule', value: '0 0 8 * * *' }
  { name: 'MailRetrySchedule', value: '0 */5 * * * *' }
  { name: 'PageRefreshSchedule', value: '0 */10 * * * *' }
  { name: 'AzureFunctionsJobHost__extensions__queues__maxPollingInterval', value: queueMaxPollingInterval }
]

// Calm under a flood (docs/reliability.md): one department's burst of uploads, and the late figures it may send, neither
// hold back the other departments nor flood leadership's inbox.
var floodSettings = [
  { name: 'Ingest__MaxInFlightPerDepartment', value: string(ingestMaxInFlightPerDepartment) }
  { name: 'extensions__monthlyScorecards__rerenderInterval', value: rerenderInterval }
  { name: 'Mail__UpdateInterval', value: updateMailInterval }
]

// Secrets as Key Vault references, resolved by the platform with the app's identity (keyVaultReferenceIdentity).
var licenseSettings = empty(pdfLicenseSecretUri) ? [] : [ { name: 'Pdf__LicenseKey', value: '@Microsoft.KeyVault(SecretUri=${pdfLicenseSecretUri})' } ]
var mailSettings = concat(empty(mailHost) ? [] : [
  { name: 'Mail__Host', value: mailHost }
  { name: 'Mail__Port', value: string(mailPort) }
  { name: 'Mail__Security', value: mailSecurity }
  { name: 'Mail__Sender', value: mailSender }
  { name: 'Mail__UserName', value: mailUserName }
], empty(smtpSecretUri) ? [] : [ { name: 'Mail__Password', value: '@Microsoft.KeyVault(SecretUri=${smtpSecretUri})' } ])

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: '${namePrefix}-func'
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobServiceUri}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyIngestInstances == 0 ? [] : [ { name: 'function:IngestSubmission', instanceCount: alwaysReadyIngestInstances } ]
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(storageSettings, triggerSettings, floodSettings, [
        // Entra ID sign-in for telemetry (APPLICATIONINSIGHTS_AUTHENTICATION_STRING) would also need the Monitoring
        // Metrics Publisher role on the component; not set up yet, so the connection string alone is used.
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insightsConnectionString }
      ], licenseSettings, mailSettings)
    }
  }
}

output name string = app.name
output planName string = plan.name
