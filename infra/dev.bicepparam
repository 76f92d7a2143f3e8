using 'main.bicep'

// A development environment: one replica, the sample organisation's departments.
param environmentName = 'dev'
param minReplicas = 1
param maxReplicas = 1
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
