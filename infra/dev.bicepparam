using 'main.bicep'

// A development environment: scales to zero (the first answer after an idle spell waits for a cold start), the sample organisation's departments.
param environmentName = 'dev'
param alwaysReadyIngestInstances = 0
param maximumInstanceCount = 4
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
