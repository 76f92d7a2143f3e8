// The WebJobs host on Azure Container Apps: no ingress (it reads storage and the upload events' queue), always at least one replica so the
// blob trigger and the monthly timer keep running; more replicas share the work safely (receipts, one timer lock).
// Storage is reached with the host's user-assigned identity, as Azure Functions does it (identity-based
// AzureWebJobsStorage): no connection string, no account key, only the service URLs and the identity's client id.
param namePrefix string
param location string
param identityId string

@description('Client (application) id of the user-assigned identity: the host asks Entra ID for tokens as this identity.')
param identityClientId string

param registryLoginServer string
param image string
param logAnalyticsWorkspaceId string

@description('The storage account\'s blob endpoint, for example https://<account>.blob.core.windows.net/.')
param storageBlobServiceUri string

@description('The storage account\'s table endpoint, for example https://<account>.table.core.windows.net/.')
param storageTableServiceUri string

@description('The storage account\'s queue endpoint, for the upload events\' queue.')
param storageQueueServiceUri string

@description('The queue Event Grid delivers the submission containers\' BlobCreated events to (events module).')
param eventQueueName string

@description('How often every submission container is listed anyway (the safety net behind the events).')
param scanSafetyNetInterval string = '01:00:00'

param pdfLicenseSecretUri string

@description('Key Vault URI of the SMTP password (secret smtp-password); empty when the relay needs none. Given to the host as the secret env var Mail__Password.')
param smtpSecretUri string = ''

@description('The SMTP relay (Mail:Host, Mail:Port, Mail:Security, Mail:Sender, Mail:UserName); an empty host leaves mail off.')
param mailHost string = ''
param mailPort int = 587
@description('TLS is required whatever is chosen; None (plain text, local maildev only) is not offered.')
@allowed([ 'Tls', 'StartTls', 'SslOnConnect' ])
param mailSecurity string = 'Tls'
param mailSender string = ''
param mailUserName string = ''
param insightsConnectionString string
param minReplicas int = 1
param maxReplicas int = 2

// Logs go to Log Analytics through a diagnostic setting (destination azure-monitor) rather than with the workspace's
// shared key: no key of any kind is read by the deployment.
resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${namePrefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
  }
}

resource environmentDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: environment
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated' // the ContainerAppConsoleLogs and ContainerAppSystemLogs tables
    logs: [
      { category: 'ContainerAppConsoleLogs', enabled: true }
      { category: 'ContainerAppSystemLogs', enabled: true }
    ]
  }
}

var licenseSecret = empty(pdfLicenseSecretUri) ? [] : [ { name: 'pdfsharp-license', keyVaultUrl: pdfLicenseSecretUri, identity: identityId } ]
var licenseEnv = empty(pdfLicenseSecretUri) ? [] : [ { name: 'Pdf__LicenseKey', secretRef: 'pdfsharp-license' } ]
var smtpSecret = empty(smtpSecretUri) ? [] : [ { name: 'smtp-password', keyVaultUrl: smtpSecretUri, identity: identityId } ]
var mailEnv = concat(empty(mailHost) ? [] : [
  { name: 'Mail__Host', value: mailHost }
  { name: 'Mail__Port', value: string(mailPort) }
  { name: 'Mail__Security', value: mailSecurity }
  { name: 'Mail__Sender', value: mailSender }
  { name: 'Mail__UserName', value: mailUserName }
], empty(smtpSecretUri) ? [] : [ { name: 'Mail__Password', secretRef: 'smtp-password' } ])

// Identity-based AzureWebJobsStorage, the settings Azure Functions documents for a user-assigned identity.
var storageEnv = [
  { name: 'AzureWebJobsStorage__blobServiceUri', value: storageBlobServiceUri }
  { name: 'AzureWebJobsStorage__tableServiceUri', value: storageTableServiceUri }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: storageQueueServiceUri }
]

// Uploads arrive as Event Grid events on the queue; the containers are listed only every scanSafetyNetInterval.
var eventEnv = [
  { name: 'extensions__submissionBlobs__eventQueue', value: eventQueueName }
  { name: 'extensions__submissionBlobs__safetyNetInterval', value: scanSafetyNetInterval }
]

resource host 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${namePrefix}-host'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      registries: [ { server: registryLoginServer, identity: identityId } ]
      secrets: concat(licenseSecret, smtpSecret)
    }
    template: {
      containers: [
        {
          name: 'host'
          image: image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: concat(storageEnv, eventEnv, [
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insightsConnectionString }
            { name: 'HostId', value: 'reporting' }
          ], licenseEnv, mailEnv)
        }
      ]
      scale: { minReplicas: minReplicas, maxReplicas: maxReplicas }
    }
  }
}

output name string = host.name
output environmentName string = environment.name
