using 'main.bicep'

param prefix = 'reporting'
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
