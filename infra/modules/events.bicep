// The Event Grid topic ProductFlow sends its CloudEvents to (ProductFlow.Feed.Accepted, ...Export.Published), with the
// right to write to the dead-letter container. Subscribers are added by subscriber.bicep, one deployment each, with
// dead-lettering on (Event Grid drops what it cannot deliver otherwise).
param name string
param location string
param tags object
param storageAccountName string
param deadLetterContainerName string

// Storage Blob Data Contributor: the topic writes dead letters with its own identity, not the account key.
var blobDataContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'ba92f5b4-2d11-453d-a403-e96b0029c9fe')

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName

  resource blobs 'blobServices' existing = {
    name: 'default'

    resource deadLetters 'containers' existing = {
      name: deadLetterContainerName
    }
  }
}

resource topic 'Microsoft.EventGrid/topics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    publicNetworkAccess: 'Enabled'
    minimumTlsVersionAllowed: '1.2'
    // ProductFlow sends with the topic's access key (ProductFlow:Events:Key) today: see infra/README.md.
    disableLocalAuth: false
  }
}

// Least privilege: the topic may write to the dead-letter container only.
resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account::blobs::deadLetters.id, topic.id, blobDataContributor)
  scope: account::blobs::deadLetters
  properties: {
    roleDefinitionId: blobDataContributor
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

output name string = topic.name
output endpoint string = topic.properties.endpoint
