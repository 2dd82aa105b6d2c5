// dev: the smallest footprint that runs the whole service: public PostgreSQL endpoint (Azure addresses only), no
// high availability, one replica of each app. Secrets come from the deploying shell's environment, never from this file.
using 'main.bicep'

param environmentName = 'dev'
param image = readEnvironmentVariable('PRODUCTFLOW_IMAGE')
param containerRegistryName = readEnvironmentVariable('PRODUCTFLOW_REGISTRY', '')
param privateNetwork = false

param postgresSku = { name: 'Standard_B1ms', tier: 'Burstable' }
param postgresStorageSizeGB = 32
param postgresHighAvailability = 'Disabled'
param postgresBackupRetentionDays = 7
param postgresGeoRedundantBackup = false
param postgresAdministratorPassword = readEnvironmentVariable('PRODUCTFLOW_POSTGRES_PASSWORD')
param adminKey = readEnvironmentVariable('PRODUCTFLOW_ADMIN_KEY')

param storageSku = 'Standard_LRS'
param blobSoftDeleteDays = 7
param blobVersionRetentionDays = 14
param keyVaultPurgeProtection = false
param logRetentionDays = 30
param logLevel = 'Debug'

param serveScale = { minReplicas: 1, maxReplicas: 1, cpu: '0.5', memory: '1Gi' }
param workerScale = { minReplicas: 1, maxReplicas: 2, cpu: '0.5', memory: '1Gi', cpuUtilization: 70 }
param workerJobs = 2
