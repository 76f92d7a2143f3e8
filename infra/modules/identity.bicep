// The identity the host runs as: it reads and writes the storage account (data-plane roles in storage.bicep), reads its
// secrets from Key Vault and reads its deployment package.
param name string
param location string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
}

output id string = identity.id
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
