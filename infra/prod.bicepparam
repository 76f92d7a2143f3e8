using 'main.bicep'

// Production: one always-ready instance answers uploads within seconds; the licence key and the SMTP password come from the deployment's
// environment, never from this file. Storage needs no secret (the host's managed identity signs in to it).
param environmentName = 'prod'
param alwaysReadyIngestInstances = 1
param maximumInstanceCount = 20
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
