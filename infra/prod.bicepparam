using 'main.bicep'

// Production: two replicas may share the work; the licence key and the SMTP password come from the deployment's
// environment, never from this file. Storage needs no secret (the host's managed identity signs in to it).
param environmentName = 'prod'
param minReplicas = 1
param maxReplicas = 2
param imageTag = readEnvironmentVariable('REPORTING_IMAGE_TAG', 'latest')
param pdfLicenseKey = readEnvironmentVariable('PDFSHARP_LICENSE_KEY', '')
param smtpPassword = readEnvironmentVariable('SMTP_PASSWORD', '')
param mailHost = readEnvironmentVariable('MAIL_HOST', '')
param mailSender = readEnvironmentVariable('MAIL_SENDER', '')
param mailUserName = readEnvironmentVariable('MAIL_USER_NAME', '')
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
