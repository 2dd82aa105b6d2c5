// The storage account: private containers for the inbox, the archive, the exports and the reports, and the Event Grid
// dead-letter container; versioning and soft delete on, HTTPS with TLS 1.2 or later only.
param name string
param location string
param tags object
param sku string
param softDeleteDays int
param versionRetentionDays int

var containerNames = ['inbox', 'archive', 'exports', 'reports', 'deadletter']

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: sku }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The apps reach Blob Storage with a connection string today (ProductFlow:Blob:ConnectionString), which is signed
    // with the account key: shared-key access stays on until they use their managed identity (see infra/README.md).
    allowSharedKeyAccess: true
    // The portal and the CLI use Entra ID by default, not the key.
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: 'Enabled'
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    isVersioningEnabled: true
    deleteRetentionPolicy: { enabled: true, days: softDeleteDays }
    containerDeleteRetentionPolicy: { enabled: true, days: softDeleteDays }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [
  for container in containerNames: {
    parent: blobs
    name: container
    properties: { publicAccess: 'None' }
  }
]

// Versioning keeps every overwritten or deleted blob: previous versions are deleted after versionRetentionDays.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-old-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: { blobTypes: ['blockBlob'] }
            actions: { version: { delete: { daysAfterCreationGreaterThan: versionRetentionDays } } }
          }
        }
      ]
    }
  }
}

output name string = account.name
output inboxContainerName string = containers[0].name
output exportsContainerName string = containers[2].name
output deadLetterContainerName string = containers[4].name
