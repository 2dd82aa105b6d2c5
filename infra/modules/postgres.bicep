// PostgreSQL Flexible Server: the product store and Hangfire's storage (schema hangfire) in one database.
// With a delegated subnet it has no public endpoint; without one, only Azure's own addresses may connect (dev).
param name string
param location string
param tags object
param version string
param sku object
param storageSizeGB int
param highAvailability string
param backupRetentionDays int
param geoRedundantBackup bool
param administratorLogin string

@secure()
param administratorPassword string

@description('No public endpoint: the server is in delegatedSubnetId, found through a private DNS zone.')
param privateAccess bool

@description('A subnet delegated to PostgreSQL, with privateAccess.')
param delegatedSubnetId string

@description('The virtual network the private DNS zone is linked to, with delegatedSubnetId.')
param vnetId string

resource dnsZone 'Microsoft.Network/privateDnsZones@2024-06-01' = if (privateAccess) {
  // The zone of a server with private access ends in .postgres.database.azure.com.
  name: '${name}.private.postgres.database.azure.com'
  location: 'global'
  tags: tags

  resource link 'virtualNetworkLinks' = {
    name: 'vnet'
    location: 'global'
    properties: {
      virtualNetwork: { id: vnetId }
      registrationEnabled: false
    }
  }
}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: name
  location: location
  tags: tags
  sku: sku
  properties: {
    version: version
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    // The apps log in with a password today (ProductFlow:Store:ConnectionString): see infra/README.md.
    authConfig: { passwordAuth: 'Enabled', activeDirectoryAuth: 'Disabled' }
    storage: { storageSizeGB: storageSizeGB, autoGrow: 'Enabled' }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: geoRedundantBackup ? 'Enabled' : 'Disabled'
    }
    highAvailability: { mode: highAvailability }
    network: privateAccess
      ? {
          delegatedSubnetResourceId: delegatedSubnetId
          privateDnsZoneArmResourceId: dnsZone.id
          publicNetworkAccess: 'Disabled'
        }
      : { publicNetworkAccess: 'Enabled' }
  }
  dependsOn: [dnsZone::link]
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: 'productflow'
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// Connections must be encrypted.
resource requireTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: server
  name: 'require_secure_transport'
  properties: { value: 'on', source: 'user-override' }
}

// Public access (no virtual network): the rule 0.0.0.0 admits connections from inside Azure (the apps, but also any
// other tenant's resources) and no address outside it; the password is still required. For dev only: see infra/README.md.
resource azureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = if (!privateAccess) {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

output fqdn string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
