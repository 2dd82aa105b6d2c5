// The vault of the apps' secrets: the store's and the storage account's connection strings, the topic's key and the
// operators' key. Each app's identity may read the secrets it uses, one role assignment per secret, and nothing else.
param name string
param location string
param tags object
param purgeProtection bool
param storageAccountName string
param eventTopicName string
param postgresHost string
param postgresDatabase string
param postgresAdministratorLogin string

@secure()
param postgresAdministratorPassword string

@secure()
param adminKey string

param servePrincipalId string
param workerPrincipalId string

// Key Vault Secrets User: read a secret's value, nothing else.
var secretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/topics@2025-02-15' existing = {
  name: eventTopicName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Purge protection cannot be turned off once on: true only where the parameter asks (the ARM API takes true or absent).
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource storeConnectionString 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'store-connection-string'
  properties: {
    contentType: 'Npgsql connection string'
    value: 'Host=${postgresHost};Port=5432;Database=${postgresDatabase};Username=${postgresAdministratorLogin};Password=${postgresAdministratorPassword};SSL Mode=Require'
  }
}

resource blobConnectionString 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'blob-connection-string'
  properties: {
    contentType: 'Azure Storage connection string'
    value: 'DefaultEndpointsProtocol=https;AccountName=${account.name};AccountKey=${account.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

resource eventsKey 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'events-key'
  properties: {
    contentType: 'Event Grid topic access key'
    value: topic.listKeys().key1
  }
}

resource adminKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'admin-key'
  properties: {
    contentType: 'ProductFlow admin key'
    value: adminKey
  }
}

// serve reads all four; worker has no dashboard and no runs API, so no admin key.
resource serveReadsStore 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storeConnectionString.id, servePrincipalId, secretsUser)
  scope: storeConnectionString
  properties: { roleDefinitionId: secretsUser, principalId: servePrincipalId, principalType: 'ServicePrincipal' }
}

resource serveReadsBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(blobConnectionString.id, servePrincipalId, secretsUser)
  scope: blobConnectionString
  properties: { roleDefinitionId: secretsUser, principalId: servePrincipalId, principalType: 'ServicePrincipal' }
}

resource serveReadsEventsKey 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(eventsKey.id, servePrincipalId, secretsUser)
  scope: eventsKey
  properties: { roleDefinitionId: secretsUser, principalId: servePrincipalId, principalType: 'ServicePrincipal' }
}

resource serveReadsAdminKey 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(adminKeySecret.id, servePrincipalId, secretsUser)
  scope: adminKeySecret
  properties: { roleDefinitionId: secretsUser, principalId: servePrincipalId, principalType: 'ServicePrincipal' }
}

resource workerReadsStore 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storeConnectionString.id, workerPrincipalId, secretsUser)
  scope: storeConnectionString
  properties: { roleDefinitionId: secretsUser, principalId: workerPrincipalId, principalType: 'ServicePrincipal' }
}

resource workerReadsBlob 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(blobConnectionString.id, workerPrincipalId, secretsUser)
  scope: blobConnectionString
  properties: { roleDefinitionId: secretsUser, principalId: workerPrincipalId, principalType: 'ServicePrincipal' }
}

resource workerReadsEventsKey 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(eventsKey.id, workerPrincipalId, secretsUser)
  scope: eventsKey
  properties: { roleDefinitionId: secretsUser, principalId: workerPrincipalId, principalType: 'ServicePrincipal' }
}

output name string = vault.name
// Versionless URIs: Container Apps fetches a rotated secret within 30 minutes; replicas read it when they (re)start.
output storeConnectionStringUri string = storeConnectionString.properties.secretUri
output blobConnectionStringUri string = blobConnectionString.properties.secretUri
output eventsKeyUri string = eventsKey.properties.secretUri
output adminKeyUri string = adminKeySecret.properties.secretUri
