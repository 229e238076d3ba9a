// Log Analytics workspace and a workspace-based Application Insights resource for the host's OpenTelemetry export.

@description('Azure region of the resources.')
param location string

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights resource.')
param appInsightsName string

@description('Days that logs and telemetry are kept.')
@minValue(30)
@maxValue(730)
param retentionInDays int

param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    RetentionInDays: retentionInDays
    DisableLocalAuth: false
  }
}

@description('Application Insights connection string (an ingestion address and key, not a secret that grants read access).')
output appInsightsConnectionString string = appInsights.properties.ConnectionString

output appInsightsName string = appInsights.name

output workspaceName string = workspace.name
