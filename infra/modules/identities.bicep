// One user-assigned identity per app: it exists before the apps, so its Key Vault roles are in place when the first
// revision reads its secrets, and serve and worker are granted only what each reads.
param name string
param location string
param tags object

@description('A container registry of this resource group the apps pull from, or empty.')
param containerRegistryName string

// AcrPull: pull images, nothing else.
var acrPull = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')

resource serve 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${name}-serve-id'
  location: location
  tags: tags
}

resource worker 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${name}-worker-id'
  location: location
  tags: tags
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (!empty(containerRegistryName)) {
  name: containerRegistryName
}

resource servePulls 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(containerRegistryName)) {
  name: guid(registry.id, serve.id, acrPull)
  scope: registry
  properties: { roleDefinitionId: acrPull, principalId: serve.properties.principalId, principalType: 'ServicePrincipal' }
}

resource workerPulls 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(containerRegistryName)) {
  name: guid(registry.id, worker.id, acrPull)
  scope: registry
  properties: { roleDefinitionId: acrPull, principalId: worker.properties.principalId, principalType: 'ServicePrincipal' }
}

output serveIdentityId string = serve.id
output servePrincipalId string = serve.properties.principalId
output workerIdentityId string = worker.id
output workerPrincipalId string = worker.properties.principalId
output registryServer string = empty(containerRegistryName) ? '' : registry!.properties.loginServer
