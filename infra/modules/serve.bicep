// productflow serve: the partner API, health, the runs API and the Hangfire dashboard. It enqueues jobs; workers run them.
// Its environment variables are the configuration keys of src/ProductFlow.Server (ProductFlow__Store__ConnectionString is
// ProductFlow:Store:ConnectionString): the tests check each against the options the host binds.
param name string
param location string
param tags object
param environmentId string
param environmentName string
param image string
param registryServer string
param identityId string
param storeConnectionStringUri string
param blobConnectionStringUri string
param eventsKeyUri string
param adminKeyUri string
param pipelinesDirectory string
param inboxContainer string
param exportsContainer string
param eventsEndpoint string
param logLevel string
param partnerPermitLimit int

@description('{ minReplicas, maxReplicas, cpu, memory }')
param scale object

var port = 8080

resource app 'Microsoft.App/containerApps@2025-01-01' = {
  name: name
  location: location
  tags: tags
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identityId}': {} } }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: port
        transport: 'auto'
        allowInsecure: false
      }
      registries: empty(registryServer) ? [] : [{ server: registryServer, identity: identityId }]
      secrets: [
        { name: 'store-connection-string', keyVaultUrl: storeConnectionStringUri, identity: identityId }
        { name: 'blob-connection-string', keyVaultUrl: blobConnectionStringUri, identity: identityId }
        { name: 'events-key', keyVaultUrl: eventsKeyUri, identity: identityId }
        { name: 'admin-key', keyVaultUrl: adminKeyUri, identity: identityId }
      ]
    }
    template: {
      containers: [
        {
          name: 'serve'
          image: image
          args: ['serve', '--urls', 'http://0.0.0.0:${port}', '--log-format', 'json']
          resources: { cpu: json(scale.cpu), memory: scale.memory }
          env: [
            { name: 'ProductFlow__DataDirectory', value: '/var/lib/productflow' }
            { name: 'ProductFlow__Pipelines', value: pipelinesDirectory }
            { name: 'ProductFlow__AdminKey', secretRef: 'admin-key' }
            { name: 'ProductFlow__Store__ConnectionString', secretRef: 'store-connection-string' }
            { name: 'ProductFlow__Blob__ConnectionString', secretRef: 'blob-connection-string' }
            { name: 'ProductFlow__Exports__Container', value: exportsContainer }
            { name: 'ProductFlow__Inbox__Container', value: inboxContainer }
            { name: 'ProductFlow__Events__Endpoint', value: eventsEndpoint }
            { name: 'ProductFlow__Events__Key', secretRef: 'events-key' }
            { name: 'ProductFlow__PartnerApi__PermitLimit', value: string(partnerPermitLimit) }
            { name: 'Serilog__MinimumLevel__Default', value: logLevel }
            { name: 'OTEL_SERVICE_NAME', value: 'productflow-serve' }
            { name: 'OTEL_RESOURCE_ATTRIBUTES', value: 'deployment.environment.name=${environmentName}' }
          ]
          probes: [
            {
              type: 'Liveness'
              httpGet: { path: '/health/live', port: port }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: { path: '/health/ready', port: port }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              // The first start migrates the store's schema: give it a minute before liveness counts.
              type: 'Startup'
              httpGet: { path: '/health/live', port: port }
              periodSeconds: 6
              failureThreshold: 10
            }
          ]
          volumeMounts: [{ volumeName: 'data', mountPath: '/var/lib/productflow' }]
        }
      ]
      // The data folder holds working files only (reports of the runs, feeds being read): scratch space per replica.
      volumes: [{ name: 'data', storageType: 'EmptyDir' }]
      scale: {
        minReplicas: scale.minReplicas
        maxReplicas: scale.maxReplicas
        rules: [{ name: 'http', http: { metadata: { concurrentRequests: '50' } } }]
      }
    }
  }
}

output fqdn string = app.properties.configuration.ingress.fqdn
