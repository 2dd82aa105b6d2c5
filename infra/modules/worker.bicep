// productflow worker: a Hangfire server on the PostgreSQL store's schema hangfire, running ingestion and publication
// jobs. No ingress; replicas follow CPU use between the environment's minimum and maximum. Its environment variables
// are configuration keys of src/ProductFlow.Server, checked by the tests like serve's.
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
param pipelinesDirectory string
param inboxContainer string
param exportsContainer string
param eventsEndpoint string
param logLevel string

@description('Jobs one replica runs at once.')
param jobs int

@description('{ minReplicas, maxReplicas, cpu, memory, cpuUtilization }')
param scale object

// A stopping worker gives its running jobs ShutdownTimeout, then Hangfire requeues them; the host needs 5 s more
// (WorkerHost), and Container Apps kills the replica after terminationGracePeriodSeconds.
var shutdownTimeoutSeconds = 50
var terminationGracePeriodSeconds = 60

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
      registries: empty(registryServer) ? [] : [{ server: registryServer, identity: identityId }]
      secrets: [
        { name: 'store-connection-string', keyVaultUrl: storeConnectionStringUri, identity: identityId }
        { name: 'blob-connection-string', keyVaultUrl: blobConnectionStringUri, identity: identityId }
        { name: 'events-key', keyVaultUrl: eventsKeyUri, identity: identityId }
      ]
    }
    template: {
      terminationGracePeriodSeconds: terminationGracePeriodSeconds
      containers: [
        {
          name: 'worker'
          image: image
          args: ['worker', '--log-format', 'json']
          resources: { cpu: json(scale.cpu), memory: scale.memory }
          env: [
            { name: 'ProductFlow__DataDirectory', value: '/var/lib/productflow' }
            { name: 'ProductFlow__Pipelines', value: pipelinesDirectory }
            { name: 'ProductFlow__Store__ConnectionString', secretRef: 'store-connection-string' }
            { name: 'ProductFlow__Blob__ConnectionString', secretRef: 'blob-connection-string' }
            { name: 'ProductFlow__Exports__Container', value: exportsContainer }
            { name: 'ProductFlow__Inbox__Container', value: inboxContainer }
            { name: 'ProductFlow__Events__Endpoint', value: eventsEndpoint }
            { name: 'ProductFlow__Events__Key', secretRef: 'events-key' }
            { name: 'ProductFlow__Jobs__Workers', value: string(jobs) }
            { name: 'ProductFlow__Jobs__ShutdownTimeout', value: '00:00:${shutdownTimeoutSeconds}' }
            { name: 'Serilog__MinimumLevel__Default', value: logLevel }
            { name: 'OTEL_SERVICE_NAME', value: 'productflow-worker' }
            { name: 'OTEL_RESOURCE_ATTRIBUTES', value: 'deployment.environment.name=${environmentName}' }
          ]
          volumeMounts: [{ volumeName: 'data', mountPath: '/var/lib/productflow' }]
        }
      ]
      // Feeds being read and run reports: scratch space per replica (the feed itself stays in the inbox container
      // until it is archived there).
      volumes: [{ name: 'data', storageType: 'EmptyDir' }]
      scale: {
        minReplicas: scale.minReplicas
        maxReplicas: scale.maxReplicas
        rules: [
          {
            name: 'cpu'
            custom: {
              type: 'cpu'
              metadata: { type: 'Utilization', value: string(scale.cpuUtilization) }
            }
          }
        ]
      }
    }
  }
}
