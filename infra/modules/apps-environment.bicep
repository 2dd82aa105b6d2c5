// The Container Apps environment (consumption): the apps' console logs go to Log Analytics, and its OpenTelemetry
// agent forwards the traces and logs the apps export over OTLP to Application Insights.
param name string
param location string
param tags object
param logAnalyticsWorkspaceId string
param applicationInsightsName string

@description('A subnet delegated to Microsoft.App/environments, or empty for Azure\'s own network.')
param infrastructureSubnetId string

param zoneRedundant bool

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// The managed OpenTelemetry agent (openTelemetryConfiguration, appInsightsConfiguration) is in the preview API versions only.
resource environment 'Microsoft.App/managedEnvironments@2025-10-02-preview' = {
  name: name
  location: location
  tags: tags
  properties: {
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
    zoneRedundant: zoneRedundant
    vnetConfiguration: empty(infrastructureSubnetId) ? null : { infrastructureSubnetId: infrastructureSubnetId, internal: false }
    // Console and system logs through the diagnostic setting below: no workspace key in the template.
    appLogsConfiguration: { destination: 'azure-monitor' }
    appInsightsConfiguration: { connectionString: applicationInsights.properties.ConnectionString }
    openTelemetryConfiguration: {
      tracesConfiguration: { destinations: ['appInsights'] }
      logsConfiguration: { destinations: ['appInsights'] }
    }
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs'
  scope: environment
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [{ categoryGroup: 'allLogs', enabled: true }]
  }
}

output id string = environment.id
