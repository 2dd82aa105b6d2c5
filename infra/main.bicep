// ProductFlow's service on Azure: Blob Storage, Event Grid, PostgreSQL, Key Vault, monitoring, and the `serve` and
// `worker` container apps that read their secrets from Key Vault through their own managed identities.
// Deploy into a resource group: az deployment group create --resource-group <rg> --parameters infra/<env>.bicepparam
// Every parameter is described in infra/README.md.
targetScope = 'resourceGroup'

@description('The environment: names resources and picks nothing by itself (every difference is a parameter).')
@allowed(['dev', 'prod'])
param environmentName string

@description('The Azure region; default the resource group\'s.')
param location string = resourceGroup().location

@description('The first part of every resource name.')
@minLength(2)
@maxLength(16)
param namePrefix string = 'productflow'

@description('Tags put on every resource.')
param tags object = {}

@description('The ProductFlow image, e.g. myregistry.azurecr.io/productflow:1.4.0; its entrypoint is the productflow command.')
param image string

@description('An Azure Container Registry of this resource group to pull the image from with the apps\' identities (AcrPull); empty for a public image.')
param containerRegistryName string = ''

@description('The folder of the pipeline files inside the image (ProductFlow:Pipelines).')
param pipelinesDirectory string = '/app/pipelines'

@description('Put the apps and PostgreSQL in a virtual network, PostgreSQL without a public endpoint.')
param privateNetwork bool

@description('The address space of the virtual network (with privateNetwork).')
param vnetAddressPrefix string = '10.40.0.0/16'

@description('PostgreSQL\'s major version.')
@allowed(['15', '16', '17'])
param postgresVersion string = '16'

@description('PostgreSQL\'s compute: e.g. { name: \'Standard_B1ms\', tier: \'Burstable\' } or { name: \'Standard_D2ds_v5\', tier: \'GeneralPurpose\' }.')
param postgresSku object

@description('PostgreSQL\'s storage in GiB (it grows by itself past 95 %).')
param postgresStorageSizeGB int = 32

@description('PostgreSQL\'s high availability: a standby in another zone (ZoneRedundant), the same zone (SameZone) or none. Not with Burstable.')
@allowed(['Disabled', 'SameZone', 'ZoneRedundant'])
param postgresHighAvailability string = 'Disabled'

@description('How long PostgreSQL\'s automatic backups are kept, in days (point-in-time restore).')
@minValue(7)
@maxValue(35)
param postgresBackupRetentionDays int = 7

@description('Copy PostgreSQL\'s backups to the paired region (set at creation only).')
param postgresGeoRedundantBackup bool = false

@description('The PostgreSQL administrator the apps log in as (see infra/README.md: an application role would be narrower).')
param postgresAdministratorLogin string = 'productflow'

@description('The PostgreSQL administrator\'s password; written to Key Vault inside the store\'s connection string.')
@secure()
param postgresAdministratorPassword string

@description('The operators\' key (ProductFlow:AdminKey): the runs API and the Hangfire dashboard.')
@secure()
param adminKey string

@description('The storage account\'s redundancy.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param storageSku string = 'Standard_LRS'

@description('Days a deleted or overwritten blob (and a deleted container) can be restored.')
@minValue(1)
@maxValue(365)
param blobSoftDeleteDays int = 7

@description('Days a blob\'s previous versions are kept before lifecycle management deletes them.')
@minValue(1)
param blobVersionRetentionDays int = 30

@description('Key Vault purge protection: a deleted vault or secret cannot be purged before its retention ends (cannot be turned off again).')
param keyVaultPurgeProtection bool = false

@description('Days Log Analytics keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Serilog\'s minimum level (Serilog:MinimumLevel:Default).')
@allowed(['Verbose', 'Debug', 'Information', 'Warning', 'Error'])
param logLevel string = 'Information'

@description('Make the Container Apps environment zone redundant (needs privateNetwork: a virtual network).')
param zoneRedundant bool = false

@description('serve: replicas (one at least: it registers recurring jobs and answers partners), CPU cores and memory of each.')
param serveScale object = { minReplicas: 1, maxReplicas: 2, cpu: '0.5', memory: '1Gi' }

@description('worker: replicas (CPU scaling cannot reach zero, so one at least), CPU cores and memory of each, and the CPU use that adds a replica.')
param workerScale object = { minReplicas: 1, maxReplicas: 2, cpu: '0.5', memory: '1Gi', cpuUtilization: 70 }

@description('Jobs one worker replica runs at once (ProductFlow:Jobs:Workers).')
@minValue(1)
param workerJobs int = 2

@description('Requests a partner may make per minute (ProductFlow:PartnerApi:PermitLimit).')
@minValue(1)
param partnerPermitLimit int = 120

var baseName = '${namePrefix}-${environmentName}'
var suffix = uniqueString(resourceGroup().id, environmentName)
var allTags = union(tags, { application: 'productflow', environment: environmentName })

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: baseName
    location: location
    tags: allTags
    retentionDays: logRetentionDays
  }
}

module network 'modules/network.bicep' = if (privateNetwork) {
  name: 'network'
  params: {
    name: baseName
    location: location
    tags: allTags
    addressPrefix: vnetAddressPrefix
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'st${suffix}'
    location: location
    tags: allTags
    sku: storageSku
    softDeleteDays: blobSoftDeleteDays
    versionRetentionDays: blobVersionRetentionDays
  }
}

module events 'modules/events.bicep' = {
  name: 'events'
  params: {
    name: '${baseName}-events-${suffix}'
    location: location
    tags: allTags
    storageAccountName: storage.outputs.name
    deadLetterContainerName: storage.outputs.deadLetterContainerName
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    name: '${baseName}-pg-${suffix}'
    location: location
    tags: allTags
    version: postgresVersion
    sku: postgresSku
    storageSizeGB: postgresStorageSizeGB
    highAvailability: postgresHighAvailability
    backupRetentionDays: postgresBackupRetentionDays
    geoRedundantBackup: postgresGeoRedundantBackup
    administratorLogin: postgresAdministratorLogin
    administratorPassword: postgresAdministratorPassword
    privateAccess: privateNetwork
    delegatedSubnetId: privateNetwork ? network!.outputs.postgresSubnetId : ''
    vnetId: privateNetwork ? network!.outputs.vnetId : ''
  }
}

module identities 'modules/identities.bicep' = {
  name: 'identities'
  params: {
    name: baseName
    location: location
    tags: allTags
    containerRegistryName: containerRegistryName
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: 'kv-${suffix}'
    location: location
    tags: allTags
    purgeProtection: keyVaultPurgeProtection
    storageAccountName: storage.outputs.name
    eventTopicName: events.outputs.name
    postgresHost: postgres.outputs.fqdn
    postgresDatabase: postgres.outputs.databaseName
    postgresAdministratorLogin: postgresAdministratorLogin
    postgresAdministratorPassword: postgresAdministratorPassword
    adminKey: adminKey
    servePrincipalId: identities.outputs.servePrincipalId
    workerPrincipalId: identities.outputs.workerPrincipalId
  }
}

module appsEnvironment 'modules/apps-environment.bicep' = {
  name: 'apps-environment'
  params: {
    name: '${baseName}-apps'
    location: location
    tags: allTags
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    infrastructureSubnetId: privateNetwork ? network!.outputs.appsSubnetId : ''
    zoneRedundant: zoneRedundant
  }
}

module serve 'modules/serve.bicep' = {
  name: 'serve'
  params: {
    name: '${baseName}-serve'
    location: location
    tags: allTags
    environmentId: appsEnvironment.outputs.id
    environmentName: environmentName
    image: image
    registryServer: identities.outputs.registryServer
    identityId: identities.outputs.serveIdentityId
    storeConnectionStringUri: vault.outputs.storeConnectionStringUri
    blobConnectionStringUri: vault.outputs.blobConnectionStringUri
    eventsKeyUri: vault.outputs.eventsKeyUri
    adminKeyUri: vault.outputs.adminKeyUri
    pipelinesDirectory: pipelinesDirectory
    inboxContainer: storage.outputs.inboxContainerName
    exportsContainer: storage.outputs.exportsContainerName
    eventsEndpoint: events.outputs.endpoint
    logLevel: logLevel
    partnerPermitLimit: partnerPermitLimit
    scale: serveScale
  }
}

module worker 'modules/worker.bicep' = {
  name: 'worker'
  params: {
    name: '${baseName}-worker'
    location: location
    tags: allTags
    environmentId: appsEnvironment.outputs.id
    environmentName: environmentName
    image: image
    registryServer: identities.outputs.registryServer
    identityId: identities.outputs.workerIdentityId
    storeConnectionStringUri: vault.outputs.storeConnectionStringUri
    blobConnectionStringUri: vault.outputs.blobConnectionStringUri
    eventsKeyUri: vault.outputs.eventsKeyUri
    pipelinesDirectory: pipelinesDirectory
    inboxContainer: storage.outputs.inboxContainerName
    exportsContainer: storage.outputs.exportsContainerName
    eventsEndpoint: events.outputs.endpoint
    logLevel: logLevel
    jobs: workerJobs
    scale: workerScale
  }
}

@description('The partner API and the dashboard (/hangfire).')
output serveUrl string = 'https://${serve.outputs.fqdn}'

@description('The storage account holding the inbox, archive, exports, reports and deadletter containers.')
output storageAccountName string = storage.outputs.name

@description('The vault holding the connection strings and keys.')
output keyVaultName string = vault.outputs.name

@description('The PostgreSQL server\'s host name.')
output postgresHost string = postgres.outputs.fqdn

@description('The Event Grid topic: add subscribers with subscriber.bicep.')
output eventTopicName string = events.outputs.name
