// prod: PostgreSQL in a virtual network with a zone-redundant standby and 35 days of geo-redundant backups, zone-redundant
// storage and apps, two replicas of each app at least. Secrets come from the deploying shell's environment.
using 'main.bicep'

param environmentName = 'prod'
param image = readEnvironmentVariable('PRODUCTFLOW_IMAGE')
param containerRegistryName = readEnvironmentVariable('PRODUCTFLOW_REGISTRY', '')
param privateNetwork = true
param zoneRedundant = true

param postgresSku = { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }
param postgresStorageSizeGB = 128
param postgresHighAvailability = 'ZoneRedundant'
param postgresBackupRetentionDays = 35
param postgresGeoRedundantBackup = true
param postgresAdministratorPassword = readEnvironmentVariable('PRODUCTFLOW_POSTGRES_PASSWORD')
param adminKey = readEnvironmentVariable('PRODUCTFLOW_ADMIN_KEY')

param storageSku = 'Standard_ZRS'
param blobSoftDeleteDays = 30
param blobVersionRetentionDays = 90
param keyVaultPurgeProtection = true
param logRetentionDays = 90
param logLevel = 'Information'

param serveScale = { minReplicas: 2, maxReplicas: 4, cpu: '1.0', memory: '2Gi' }
param workerScale = { minReplicas: 2, maxReplicas: 10, cpu: '1.0', memory: '2Gi', cpuUtilization: 70 }
param workerJobs = 4
