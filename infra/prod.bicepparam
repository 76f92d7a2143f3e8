using 'main.bicep'

// Production: two replicas may share the work; the licence key comes from the deployment's environment, never from this file.
param environmentName = 'prod'
param minReplicas = 1
param maxReplicas = 2
param imageTag = readEnvironmentVariable('REPORTING_IMAGE_TAG', 'latest')
param pdfLicenseKey = readEnvironmentVariable('PDFSHARP_LICENSE_KEY', '')
param departmentIds = [
  'sales'
  'customer-support'
  'pr'
  'marketing'
  'hr'
  'product-development'
  'community'
  'transformation-office'
]
