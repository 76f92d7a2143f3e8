// The WebJobs host on Azure Container Apps: no ingress (it only polls storage), always at least one replica so the
// blob trigger and the monthly timer keep running; more replicas share the work safely (receipts, one timer lock).
param namePrefix string
param location string
param identityId string
param registryLoginServer string
param image string
param logAnalyticsWorkspaceName string
param storageConnectionSecretUri string
param pdfLicenseSecretUri string
param insightsConnectionString string
param minReplicas int = 1
param maxReplicas int = 2

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: logAnalyticsWorkspaceName
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${namePrefix}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

var licenseSecret = empty(pdfLicenseSecretUri) ? [] : [ { name: 'pdfsharp-license', keyVaultUrl: pdfLicenseSecretUri, identity: identityId } ]
var licenseEnv = empty(pdfLicenseSecretUri) ? [] : [ { name: 'Pdf__LicenseKey', secretRef: 'pdfsharp-license' } ]

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
      secrets: concat([ { name: 'storage-connection', keyVaultUrl: storageConnectionSecretUri, identity: identityId } ], licenseSecret)
    }
    template: {
      containers: [
        {
          name: 'host'
          image: image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: concat([
            { name: 'AzureWebJobsStorage', secretRef: 'storage-connection' }
            { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insightsConnectionString }
            { name: 'HostId', value: 'reporting' }
          ], licenseEnv)
        }
      ]
      scale: { minReplicas: minReplicas, maxReplicas: maxReplicas }
    }
  }
}

output name string = host.name
output environmentName string = environment.name
